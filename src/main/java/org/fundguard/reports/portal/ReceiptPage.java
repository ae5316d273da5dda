package org.fundguard.reports.portal;

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
 * submission under load. With template caching off (development) Thymeleaf renders every time, and so it does when
 * the rendered page did not hold the placeholder exactly once.
 */
@Component
class ReceiptPage {

	static final String VIEW = "portal/receipt";
	static final String CODE_MARK = "FGRECEIPTCODEMARK";
	private static final Pattern CODE = Pattern.compile("[0-9A-Z-]{1,64}");

	private final ObjectProvider<ThymeleafViewResolver> thymeleaf;
	private final boolean cache;
	/** Per anonymous/real-name: the page cut around the code. */
	private final Map<Boolean, MarkedPage> pages = new ConcurrentHashMap<>();
	private volatile boolean uncachable;

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
		// a receipt that tells what was removed from the evidence files is rendered whole: it is no longer one of two
		boolean saysWhatWasRemoved = model.get("metadataRemoved") instanceof java.util.Collection<?> c && !c.isEmpty();
		if (!cache || uncachable || !CODE.matcher(code).matches() || saysWhatWasRemoved) {
			thymeleafView(request).render(model, request, response);
			return;
		}
		MarkedPage page = pages.get(anonymous);
		if (page == null) {
			page = renderWithMark(model, request, response);
			if (page == null) {
				uncachable = true;
				thymeleafView(request).render(model, request, response);
				return;
			}
			pages.putIfAbsent(anonymous, page);
		}
		page.write(request, response, code);
	}

	/** The page rendered with the placeholder, cut around it; null unless it appears exactly once. */
	private MarkedPage renderWithMark(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		var captured = new ContentCachingResponseWrapper(response);
		var marked = new HashMap<String, Object>(model);
		marked.put("code", CODE_MARK);
		thymeleafView(request).render(marked, request, captured);
		return MarkedPage.cut(new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8),
				captured.getContentType(), CODE_MARK);
	}

	private View thymeleafView(HttpServletRequest request) throws Exception {
		return thymeleaf.getObject().resolveViewName(VIEW, RequestContextUtils.getLocale(request));
	}
}
