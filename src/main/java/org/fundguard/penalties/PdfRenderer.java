package org.fundguard.penalties;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;

/** Prints the documents' XHTML to PDF with the CJK font embedded (subset), so that any reader shows them alike. */
@Component
class PdfRenderer {

	private final PenaltiesProperties config;
	private volatile byte[] font;

	PdfRenderer(PenaltiesProperties config) {
		this.config = config;
	}

	byte[] render(String xhtml) {
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
			f = CjkFont.load(config.cjkFont());
			font = f;
		}
		return f;
	}
}
