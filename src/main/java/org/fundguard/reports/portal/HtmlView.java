package org.fundguard.reports.portal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.View;

/** An HTML view written by one of the portal's pre-rendered pages ({@link PortalFormPage}, {@link ReceiptPage}). */
final class HtmlView implements View {

	static final String CONTENT_TYPE = "text/html;charset=UTF-8";

	/** What writes the page. */
	@FunctionalInterface
	interface Writer {

		void write(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception;
	}

	private final Writer writer;

	HtmlView(Writer writer) {
		this.writer = writer;
	}

	@Override
	public String getContentType() {
		return CONTENT_TYPE;
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
		writer.write(model, request, response);
	}
}
