package org.fundguard.reports;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The receipt page after a submission. It differs between reporters only in the receipt code and in whether the
 * report was anonymous, so Thymeleaf renders it once per kind with a placeholder for the code, and each receipt is
 * served from those bytes with its code put in: rendering the template was about a tenth of the portal's CPU per
 * submission under load. With template caching off (development) Thymeleaf renders every time.
 */
@Component
class ReceiptPage {

	static final String VIEW = "portal/receipt";
	static final String CODE_MARK = "FGRECEIPTCODEMARK";
	private static final Pattern CODE = Pattern.compile("[0-9A-Z-]{1,64}");

	private final ObjectProvider<ThymeleafViewResolver> thymeleaf;
	private final boolean cache;
	/** Per anonymous/real-name: the page before and after the code. */
	private final Map<Boolean, byte[][]> pages = new ConcurrentHashMap<>();

	ReceiptPage(ObjectProvider<ThymeleafViewResolver> thymeleaf, @Value("${spring.thymeleaf.cache:true}") boolean cache) {
		this.thymeleaf = thymeleaf;
		this.cache = cache;
	}

	View view() {
		return new HtmlView(this::render);
	}

	private void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
		String code = String.valueOf(model.get("code"));
		boolean anonymous = Boolean.TRUE.equals(model.get("anonymous"));
		if (!cache || !CODE.matcher(code).matches()) {
			thymeleafView(request).render(model, request, response);
			return;
		}
		byte[][] page = pages.get(anonymous);
		if (page == null) {
			page = renderWithMark(model, request, response);
			if (page == null) {
				thymeleafView(request).render(model, request, response);
				return;
			}
			pages.putIfAbsent(anonymous, page);
		}
		byte[] body = fill(page, code);
		response.setLocale(RequestContextUtils.getLocale(request));
		response.setContentType(HtmlView.CONTENT_TYPE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** The page rendered with the placeholder, cut around it; null unless it appears exactly once. */
	private byte[][] renderWithMark(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		var captured = new ContentCachingResponseWrapper(response);
		var marked = new HashMap<String, Object>(model);
		marked.put("code", CODE_MARK);
		thymeleafView(request).render(marked, request, captured);
		return cut(new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	/** The page before and after the placeholder, as UTF-8; null unless the placeholder appears exactly once. */
	static byte[][] cut(String html) {
		int at = html.indexOf(CODE_MARK);
		if (at < 0 || html.indexOf(CODE_MARK, at + 1) >= 0) {
			return null;
		}
		return new byte[][] { html.substring(0, at).getBytes(StandardCharsets.UTF_8),
				html.substring(at + CODE_MARK.length()).getBytes(StandardCharsets.UTF_8) };
	}

	/** The page with this receipt's code in place of the placeholder. */
	static byte[] fill(byte[][] page, String code) {
		byte[] value = code.getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[page[0].length + value.length + page[1].length];
		System.arraycopy(page[0], 0, body, 0, page[0].length);
		System.arraycopy(value, 0, body, page[0].length, value.length);
		System.arraycopy(page[1], 0, body, page[0].length + value.length, page[1].length);
		return body;
	}

	private View thymeleafView(HttpServletRequest request) throws Exception {
		return thymeleaf.getObject().resolveViewName(VIEW, RequestContextUtils.getLocale(request));
	}
}
