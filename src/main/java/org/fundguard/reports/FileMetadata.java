package org.fundguard.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.fundguard.documents.DocumentType;

/**
 * Removes what a file says about who made it before the portal stores it, and says what was removed, in plain
 * Chinese, for the receipt: photos by {@link ImageMetadata}; PDF with Apache PDFBox (the document information
 * dictionary, XMP metadata of the document and its pages, the file identifier; the file is written anew, so earlier
 * revisions of an edited PDF go too); Office files (OOXML) with Apache POI (core, extended and custom properties).
 * Names in Word comments and tracked changes are part of the text and stay: the portal tells the reporter so.
 */
final class FileMetadata {

	record Stripped(byte[] content, List<String> removed) {
	}

	private FileMetadata() {
	}

	/** Throws {@link IllegalArgumentException} for a file that cannot be read as its type (damaged, or encrypted). */
	static Stripped strip(DocumentType type, byte[] content) {
		return switch (type) {
			case JPEG, PNG -> {
				byte[] clean = ImageMetadata.strip(type, content);
				yield new Stripped(clean, Arrays.equals(clean, content) ? List.of()
						: List.of("照片的拍摄信息等元数据（如拍摄位置、时间、相机型号与序列号、缩略图）"));
			}
			case PDF -> pdf(content);
			case OFFICE -> office(content);
			default -> new Stripped(content, List.of());
		};
	}

	static Stripped pdf(byte[] content) {
		try (PDDocument doc = Loader.loadPDF(content)) {
			if (doc.isEncrypted()) {
				throw new IllegalArgumentException("encrypted PDF");
			}
			List<String> removed = new ArrayList<>();
			PDDocumentInformation info = doc.getDocumentInformation();
			Map<String, String> labels = new LinkedHashMap<>();
			labels.put("Author", "作者");
			labels.put("Creator", "创建程序");
			labels.put("Producer", "生成程序");
			labels.put("Title", "标题");
			labels.put("Subject", "主题");
			labels.put("Keywords", "关键词");
			labels.put("CreationDate", "创建时间");
			labels.put("ModDate", "修改时间");
			for (String key : info.getMetadataKeys()) {
				removed.add(labels.getOrDefault(key, "自定义属性“" + key + "”"));
			}
			doc.setDocumentInformation(new PDDocumentInformation());
			if (doc.getDocumentCatalog().getMetadata() != null) {
				removed.add("XMP 元数据");
				doc.getDocumentCatalog().setMetadata(null);
			}
			boolean pageMetadata = false;
			for (PDPage page : doc.getPages()) {
				if (page.getMetadata() != null) {
					pageMetadata = true;
					page.setMetadata(null);
				}
			}
			if (pageMetadata) {
				removed.add("页面 XMP 元数据");
			}
			if (doc.getDocument().getTrailer().containsKey(COSName.ID)) {
				doc.getDocument().getTrailer().removeItem(COSName.ID);
				removed.add("文件标识符");
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
			doc.save(out);
			return new Stripped(out.toByteArray(), removed);
		}
		catch (IOException e) {
			throw new IllegalArgumentException("unreadable PDF", e);
		}
	}

	static Stripped office(byte[] content) {
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
			List<String> removed = new ArrayList<>();
			PackageProperties p = pkg.getPackageProperties();
			clear(removed, "作者", p::getCreatorProperty, p::setCreatorProperty);
			clear(removed, "最后修改者", p::getLastModifiedByProperty, p::setLastModifiedByProperty);
			clear(removed, "标题", p::getTitleProperty, p::setTitleProperty);
			clear(removed, "主题", p::getSubjectProperty, p::setSubjectProperty);
			clear(removed, "关键词", p::getKeywordsProperty, p::setKeywordsProperty);
			clear(removed, "备注", p::getDescriptionProperty, p::setDescriptionProperty);
			clear(removed, "类别", p::getCategoryProperty, p::setCategoryProperty);
			clear(removed, "状态", p::getContentStatusProperty, p::setContentStatusProperty);
			clear(removed, "修订号", p::getRevisionProperty, p::setRevisionProperty);
			clear(removed, "标识符", p::getIdentifierProperty, p::setIdentifierProperty);
			clear(removed, "版本", p::getVersionProperty, p::setVersionProperty);
			clearDate(removed, "创建时间", p::getCreatedProperty, p::setCreatedProperty);
			clearDate(removed, "修改时间", p::getModifiedProperty, p::setModifiedProperty);
			clearDate(removed, "打印时间", p::getLastPrintedProperty, p::setLastPrintedProperty);
			dropPart(pkg, "/docProps/app.xml", "应用程序属性（公司、经理、模板、编辑时长等）", removed);
			dropPart(pkg, "/docProps/custom.xml", "自定义属性", removed);
			dropPart(pkg, "/docProps/thumbnail.jpeg", "缩略图", removed);
			ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
			pkg.save(out);
			return new Stripped(out.toByteArray(), removed);
		}
		catch (IOException | InvalidFormatException | RuntimeException e) {
			throw new IllegalArgumentException("not an Office (OOXML) file", e);
		}
	}

	private static void clear(List<String> removed, String label, Supplier<Optional<String>> get,
			Consumer<Optional<String>> set) {
		if (get.get().filter(v -> !v.isBlank()).isPresent()) {
			removed.add(label);
		}
		set.accept(Optional.empty());
	}

	private static void clearDate(List<String> removed, String label, Supplier<Optional<java.util.Date>> get,
			Consumer<Optional<java.util.Date>> set) {
		if (get.get().isPresent()) {
			removed.add(label);
		}
		set.accept(Optional.empty());
	}

	private static void dropPart(OPCPackage pkg, String name, String label, List<String> removed)
			throws InvalidFormatException {
		var partName = PackagingURIHelper.createPartName(name);
		if (!pkg.containPart(partName)) {
			return;
		}
		for (PackageRelationship r : pkg.getRelationships()) {
			if (r.getTargetURI().toString().equals(name) || ("/" + r.getTargetURI()).equals(name)) {
				pkg.removeRelationship(r.getId());
			}
		}
		pkg.removePart(partName);
		removed.add(label);
	}
}
