package org.fundguard.reports.portal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.fundguard.reports.ReportsProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The portal forgets who is asking before anything else sees the request. For {@code /portal/**} this filter runs
 * first of all filters: it turns the client's address into the rate limiter's window key, then hands on a request
 * whose address is {@code 0.0.0.0} and which has no User-Agent, Referer or forwarding headers. Spring Security,
 * Spring MVC, error handling, metrics and every log statement after it therefore cannot record them even at DEBUG
 * level. Tomcat's access log is off ({@code server.tomcat.accesslog.enabled=false}); a reverse proxy in front must
 * not log {@code /portal} either.
 * <p>
 * It also enforces the portal's body limit: a POST must declare its length (no chunked uploads) and stay within
 * {@code fundguard.reports.portal.max-request-size}, so the 2 GB limit the claims upload needs never applies here.
 */
@Configuration
public class PortalPrivacy {

	public static final String NOWHERE = "0.0.0.0";
	private static final Set<String> IDENTIFYING_HEADERS = Set.of("user-agent", "referer", "x-forwarded-for",
			"x-forwarded-host", "x-real-ip", "forwarded", "via", "true-client-ip", "cf-connecting-ip", "x-client-ip",
			"x-cluster-client-ip", "sec-ch-ua", "sec-ch-ua-platform", "sec-ch-ua-mobile", "from");

	@Bean
	public FilterRegistrationBean<Filter> portalPrivacyFilter(PortalClients clients, ReportsProperties properties) {
		long maxBody = properties.portal().maxRequestSize().toBytes();
		Filter filter = (request, response, chain) -> filter((HttpServletRequest) request,
				(HttpServletResponse) response, chain, clients, maxBody);
		var registration = new FilterRegistrationBean<>(filter);
		registration.setName("portalPrivacy");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD,
				DispatcherType.ASYNC, DispatcherType.INCLUDE);
		return registration;
	}

	static boolean isPortal(HttpServletRequest request) {
		Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = errorUri instanceof String s ? s : request.getRequestURI();
		String path = uri.substring(request.getContextPath().length());
		return path.equals("/portal") || path.startsWith("/portal/");
	}

	private static void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			PortalClients clients, long maxBody) throws IOException, ServletException {
		if (!isPortal(request) || request instanceof Anonymised) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getDispatcherType() == DispatcherType.REQUEST) {
			request.setAttribute(PortalClients.ATTRIBUTE, clients.keyOf(request.getRemoteAddr()));
		}
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; "
				+ "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
		if ("POST".equals(request.getMethod()) && request.getDispatcherType() == DispatcherType.REQUEST) {
			long length = request.getContentLengthLong();
			if (length < 0) {
				refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED, "请求缺少长度。");
				return;
			}
			if (length > maxBody) {
				refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
						"提交的内容过大（上限 " + maxBody / (1024 * 1024) + " MB），请减少或压缩证据文件后重试。");
				return;
			}
		}
		chain.doFilter(new Anonymised(request), response);
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("text/html;charset=UTF-8");
		response.setHeader("Connection", "close");
		response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"UTF-8\"><meta name=\"viewport\" "
				+ "content=\"width=device-width, initial-scale=1\"><title>无法提交</title><p>" + message
				+ "</p><p><a href=\"/portal\">返回举报平台</a></p></html>");
	}

	/** The request as the rest of the application sees it on the portal: from nowhere, by no browser. */
	static final class Anonymised extends HttpServletRequestWrapper {

		Anonymised(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getRemoteAddr() {
			return NOWHERE;
		}

		@Override
		public String getRemoteHost() {
			return NOWHERE;
		}

		@Override
		public int getRemotePort() {
			return 0;
		}

		@Override
		public String getHeader(String name) {
			return hidden(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			return Collections.enumeration(names.stream().filter(n -> !hidden(n)).toList());
		}

		@Override
		public long getDateHeader(String name) {
			return hidden(name) ? -1 : super.getDateHeader(name);
		}

		@Override
		public int getIntHeader(String name) {
			return hidden(name) ? -1 : super.getIntHeader(name);
		}

		private static boolean hidden(String name) {
			return name != null && IDENTIFYING_HEADERS.contains(name.toLowerCase(Locale.ROOT));
		}
	}
}
