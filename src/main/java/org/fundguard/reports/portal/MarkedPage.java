package org.fundguard.reports.portal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A page rendered once with placeholders and cut around them, served again with each request's values in their
 * place ({@link PortalFormPage}: CSRF token and challenge; {@link ReceiptPage}: the receipt code). Values are put
 * in as they are: callers pass only values that HTML escaping would leave unchanged.
 *
 * @param parts the page between the placeholders, as UTF-8: one more than there are placeholders
 * @param order for each gap between parts, the index of the placeholder (and so of the value) that stood there
 */
record MarkedPage(byte[][] parts, int[] order, String contentType) {

	/** The page cut at the marks; null unless each mark stands in it exactly once and the content type is known. */
	static MarkedPage cut(String html, String contentType, String... marks) {
		if (contentType == null) {
			return null;
		}
		int[] at = new int[marks.length];
		for (int m = 0; m < marks.length; m++) {
			at[m] = html.indexOf(marks[m]);
			if (at[m] < 0 || html.indexOf(marks[m], at[m] + 1) >= 0) {
				return null;
			}
		}
		int[] order = IntStream.range(0, marks.length).boxed().sorted(Comparator.comparingInt(m -> at[m]))
			.mapToInt(Integer::intValue).toArray();
		byte[][] parts = new byte[marks.length + 1][];
		int from = 0;
		for (int i = 0; i < order.length; i++) {
			parts[i] = html.substring(from, at[order[i]]).getBytes(StandardCharsets.UTF_8);
			from = at[order[i]] + marks[order[i]].length();
		}
		parts[order.length] = html.substring(from).getBytes(StandardCharsets.UTF_8);
		return new MarkedPage(parts, order, contentType);
	}

	/** The page with the values (ASCII, in the order of the marks given to {@link #cut}) in place of the marks. */
	byte[] fill(String... values) {
		byte[][] ascii = Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
		int size = 0;
		for (byte[] part : parts) {
			size += part.length;
		}
		for (byte[] value : ascii) {
			size += value.length;
		}
		byte[] out = new byte[size];
		int at = 0;
		for (int i = 0; i < parts.length; i++) {
			System.arraycopy(parts[i], 0, out, at, parts[i].length);
			at += parts[i].length;
			if (i < order.length) {
				byte[] value = ascii[order[i]];
				System.arraycopy(value, 0, out, at, value.length);
				at += value.length;
			}
		}
		return out;
	}

	/** Serves the filled page as the response, written in one piece. */
	void write(HttpServletRequest request, HttpServletResponse response, String... values) throws java.io.IOException {
		byte[] body = fill(values);
		response.setLocale(RequestContextUtils.getLocale(request));
		response.setContentType(contentType);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
