package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.fundguard.documents.DocumentType;
import org.junit.jupiter.api.Test;

/** PDF and Office files from the portal lose what names their maker, and the reporter is told what went. */
class FileMetadataTest {

	@Test
	void aPdfLosesItsAuthorToolsDatesAndXmp() throws Exception {
		byte[] pdf;
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.addPage(new PDPage());
			doc.getDocumentInformation().setAuthor("王举报");
			doc.getDocumentInformation().setCreator("WPS Office zhangsan-PC");
			doc.getDocumentInformation().setCreationDate(Calendar.getInstance());
			doc.getDocumentInformation().setCustomMetadataValue("Company", "某某医院财务科");
			PDMetadata xmp = new PDMetadata(doc);
			xmp.importXMPMetadata("<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc:creator>王举报</dc:creator></x:xmpmeta>".getBytes(StandardCharsets.UTF_8));
			doc.getDocumentCatalog().setMetadata(xmp);
			doc.save(out);
			pdf = out.toByteArray();
		}
		try (PDDocument before = Loader.loadPDF(pdf)) {
			assertThat(before.getDocumentInformation().getCreator()).isEqualTo("WPS Office zhangsan-PC");
		}

		FileMetadata.Stripped stripped = FileMetadata.strip(DocumentType.PDF, pdf);

		assertThat(stripped.removed()).contains("作者", "创建程序", "创建时间", "自定义属性“Company”", "XMP 元数据");
		try (PDDocument clean = Loader.loadPDF(stripped.content())) {
			assertThat(clean.getNumberOfPages()).isEqualTo(1);
			assertThat(clean.getDocumentInformation().getAuthor()).isNull();
			assertThat(clean.getDocumentInformation().getCreator()).isNull();
			assertThat(clean.getDocumentInformation().getCustomMetadataValue("Company")).isNull();
			assertThat(clean.getDocumentCatalog().getMetadata()).isNull();
		}
	}

	@Test
	void aWordFileLosesItsCoreAndApplicationProperties() throws Exception {
		byte[] docx;
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("某医院虚构住院记录的说明");
			doc.getProperties().getCoreProperties().setCreator("王举报");
			doc.getProperties().getCoreProperties().setLastModifiedByUser("wangjubao");
			doc.getProperties().getExtendedProperties().setCompany("某某医院财务科");
			doc.write(out);
			docx = out.toByteArray();
		}

		FileMetadata.Stripped stripped = FileMetadata.strip(DocumentType.OFFICE, docx);

		assertThat(stripped.removed()).contains("作者", "最后修改者").anyMatch(r -> r.startsWith("应用程序属性"));
		try (XWPFDocument clean = new XWPFDocument(new ByteArrayInputStream(stripped.content()))) {
			assertThat(clean.getProperties().getCoreProperties().getCreator()).isNullOrEmpty();
			assertThat(clean.getProperties().getCoreProperties().getLastModifiedByUser()).isNullOrEmpty();
			assertThat(clean.getProperties().getExtendedProperties().getCompany()).isNullOrEmpty();
			assertThat(clean.getParagraphs().get(0).getText()).isEqualTo("某医院虚构住院记录的说明");
		}
	}

	@Test
	void aZipThatIsNoOfficeFileAndABrokenPdfAreRefused() {
		assertThatThrownBy(() -> FileMetadata.strip(DocumentType.OFFICE, new byte[] { 'P', 'K', 3, 4, 0, 0 }))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> FileMetadata.strip(DocumentType.PDF, "%PDF-1.4 broken".getBytes(StandardCharsets.US_ASCII)))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
