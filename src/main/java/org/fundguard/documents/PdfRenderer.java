package org.fundguard.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Prints XHTML to PDF with the CJK font embedded (subset), so that any reader shows it alike: the penalty documents
 * and the dashboard's monthly report. The font is still configured where the penalty documents first needed it
 * ({@code fundguard.penalties.cjk-font}, {@code FUNDGUARD_CJK_FONT}), so existing installations keep their setting.
 */
@Component
public class PdfRenderer {

	private final String cjkFont;
	private volatile byte[] font;

	PdfRenderer(@Value("${fundguard.penalties.cjk-font:}") String cjkFont) {
		this.cjkFont = cjkFont;
	}

	/** The font family name the XHTML's CSS names for Chinese text. */
	public static String fontFamily() {
		return CjkFont.FAMILY;
	}

	public byte[] render(String xhtml) {
		byte[] fontBytes = font();
		try (var out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> new ByteArrayInputStream(fontBytes), CjkFont.FAMILY);
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot print the PDF", e);
		}
	}

	private byte[] font() {
		byte[] f = font;
		if (f == null) {
			f = CjkFont.load(cjkFont);
			font = f;
		}
		return f;
	}
}
