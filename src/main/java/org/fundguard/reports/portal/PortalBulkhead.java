package org.fundguard.reports.portal;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fundguard.reports.ReportsProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A bulkhead between the public portal and the rest of FundGuard: at most a few portal requests are worked on at
 * once, the others wait their turn in arrival order. Under a burst of reporters, fifty requests worked on side
 * by side on two cores spent the CPU on switching between them and on their locks (the portal's load test:
 * 696 submissions/s, p99 202 ms; with the work limited to 8 at once: 1,125/s, p99 109 ms); and the portal can
 * no longer take every server thread from the inspectors' workbench. A request that cannot get its turn within
 * the wait, or finds too many ahead of it, is answered 503 with a Chinese message to try again.
 */
@Configuration
class PortalBulkhead {

	@Bean
	FilterRegistrationBean<Filter> portalBulkheadFilter(ReportsProperties properties) {
		ReportsProperties.Bulkhead limits = properties.portal().bulkhead();
		var registration = new FilterRegistrationBean<Filter>(new Turns(limits.concurrentRequests(),
				limits.maxWaiting(), limits.maxWait().toMillis()));
		registration.setName("portalBulkhead");
		// right after the privacy filter, before security: the whole of a portal request's work takes a turn
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.addUrlPatterns("/portal", "/portal/*");
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/** The turns: a fair semaphore, so that requests are worked on in the order they came. */
	static final class Turns implements Filter {

		private final Semaphore turns;
		private final int maxWaiting;
		private final long maxWaitMillis;

		Turns(int concurrent, int maxWaiting, long maxWaitMillis) {
			this.turns = new Semaphore(concurrent, true);
			this.maxWaiting = maxWaiting;
			this.maxWaitMillis = maxWaitMillis;
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			// the body is read before the turn is taken: a reporter uploading evidence over a slow line (or a
			// client sending a byte now and then) would otherwise hold a turn for minutes and shut everyone out;
			// a body too large or broken is remembered by the container and refused later, as before
			if ("POST".equals(((HttpServletRequest) request).getMethod())) {
				request.getParameterMap();
			}
			if (!take()) {
				busy((HttpServletResponse) response);
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				turns.release();
			}
		}

		private boolean take() {
			try {
				// a free turn is taken at once (a zero wait still respects the order of those waiting)
				if (turns.tryAcquire(0, TimeUnit.MILLISECONDS)) {
					return true;
				}
				if (turns.getQueueLength() >= maxWaiting) {
					return false;
				}
				return turns.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		private static void busy(HttpServletResponse response) throws IOException {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "10");
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write("举报平台正忙，请稍后再试。您填写的内容未提交，请返回上一页重新提交。");
		}

		int waiting() {
			return turns.getQueueLength();
		}
	}
}
