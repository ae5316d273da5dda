package org.fundguard.reports.portal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The blank report form, the page every reporter opens first. It is the same for everyone (no account, one
 * language) except for two values: the CSRF token and the proof-of-work challenge. Thymeleaf renders it once with
 * placeholders for those two; afterwards the page is served from those bytes with this request's token and
 * challenge put in. Rendering the template for every visitor was the largest single part of the portal's CPU per
 * submission under load. A form shown again with the reporter's input and problems is rendered by Thymeleaf as
 * before, and so is this one whenever a value would need escaping or template caching is off (development).
 */
@Component
class PortalFormPage {

	static final String VIEW = "portal/report";
	static final String CSRF_MARK = "fgCsrfPlaceholder7q";
	static final String CHALLENGE_MARK = "fgChallengePlaceholder7q";
	/** Values that HTML escaping leaves as they are: base64url tokens and the dotted challenge. */
	private static final Pattern VERBATIM = Pattern.compile("[A-Za-z0-9._=-]{1,400}");

	/** Looked up when a page is served: one-shot commands (load, generate) run without the web layer. */
	private final ObjectProvider<ThymeleafViewResolver> thymeleaf;
	private final boolean cache;
	private final AtomicReference<MarkedPage> page = new AtomicReference<>();
	/** Set when the rendered page did not hold each placeholder exactly once: Thymeleaf renders every time. */
	private volatile boolean uncachable;

	PortalFormPage(ObjectProvider<ThymeleafViewResolver> thymeleaf, @Value("${spring.thymeleaf.cache:true}") boolean cache) {
		this.thymeleaf = thymeleaf;
		this.cache = cache;
	}

	/** The blank form's view: the model holds what the template shows, the challenge among it. */
	View view() {
		return new HtmlView(this::render);
	}

	private void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		String challenge = String.valueOf(model.get("challenge"));
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String token = csrf == null ? null : csrf.getToken();
		if (!cache || uncachable || token == null || !VERBATIM.matcher(token).matches() || !VERBATIM.matcher(challenge).matches()) {
			thymeleafView(request).render(model, request, response);
			return;
		}
		MarkedPage p = page.get();
		if (p == null) {
			p = renderWithMarks(model, request, response, csrf);
			if (p == null) {
				uncachable = true;
				thymeleafView(request).render(model, request, response);
				return;
			}
			page.compareAndSet(null, p);
		}
		p.write(request, response, token, challenge);
	}

	/** Renders the template with placeholders into memory; null if the page does not hold each exactly once. */
	private MarkedPage renderWithMarks(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response,
			CsrfToken real) throws Exception {
		CsrfToken mark = new DefaultCsrfToken(real.getHeaderName(), real.getParameterName(), CSRF_MARK);
		HttpServletRequest marked = new HttpServletRequestWrapper(request) {

			@Override
			public Object getAttribute(String name) {
				return name.equals(CsrfToken.class.getName()) || name.equals(real.getParameterName()) ? mark
						: super.getAttribute(name);
			}
		};
		var captured = new ContentCachingResponseWrapper(response);
		var withMark = new java.util.HashMap<String, Object>(model);
		withMark.put("challenge", CHALLENGE_MARK);
		thymeleafView(request).render(withMark, marked, captured);
		String html = new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8);
		return MarkedPage.cut(html, captured.getContentType(), CSRF_MARK, CHALLENGE_MARK);
	}

	private View thymeleafView(HttpServletRequest request) throws Exception {
		return thymeleaf.getObject().resolveViewName(VIEW, RequestContextUtils.getLocale(request));
	}
}
