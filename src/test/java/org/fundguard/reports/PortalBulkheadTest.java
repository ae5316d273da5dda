package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class PortalBulkheadTest {

	@Test
	void onlyTheAllowedNumberOfRequestsIsWorkedOnAtOnceAndTooManyWaitingAreToldToTryAgain() throws Exception {
		var turns = new PortalBulkhead.Turns(1, 1, 10_000);
		var release = new CountDownLatch(1);
		var inside = new AtomicInteger();
		var mostInside = new AtomicInteger();
		FilterChain slow = (req, res) -> {
			mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			inside.decrementAndGet();
		};
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			var first = new MockHttpServletResponse();
			var second = new MockHttpServletResponse();
			Future<?> a = pool.submit(() -> run(turns, slow, first));
			waitUntil(() -> inside.get() == 1);
			Future<?> b = pool.submit(() -> run(turns, slow, second));
			waitUntil(() -> turns.waiting() == 1);

			var third = new MockHttpServletResponse();
			run(turns, slow, third);
			assertThat(third.getStatus()).isEqualTo(503);
			assertThat(third.getContentAsString()).contains("举报平台正忙");
			assertThat(third.getHeader("Retry-After")).isEqualTo("10");

			release.countDown();
			a.get(10, TimeUnit.SECONDS);
			b.get(10, TimeUnit.SECONDS);
			assertThat(first.getStatus()).isEqualTo(200);
			assertThat(second.getStatus()).isEqualTo(200);
			assertThat(mostInside.get()).isEqualTo(1);
		}
	}

	@Test
	void aRequestThatDoesNotGetItsTurnInTimeIsToldToTryAgain() throws Exception {
		var turns = new PortalBulkhead.Turns(1, 10, 50);
		var release = new CountDownLatch(1);
		var entered = new CountDownLatch(1);
		FilterChain blocking = (req, res) -> {
			entered.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		};
		try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
			Future<?> holder = pool.submit(() -> run(turns, blocking, new MockHttpServletResponse()));
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
			var late = new MockHttpServletResponse();
			run(turns, (req, res) -> {
			}, late);
			assertThat(late.getStatus()).isEqualTo(503);
			release.countDown();
			holder.get(10, TimeUnit.SECONDS);
		}
		var afterwards = new MockHttpServletResponse();
		run(turns, (req, res) -> {
		}, afterwards);
		assertThat(afterwards.getStatus()).isEqualTo(200);
	}

	private static void run(PortalBulkhead.Turns turns, FilterChain chain, MockHttpServletResponse response) {
		try {
			turns.doFilter(new MockHttpServletRequest("POST", "/portal/report"), response, chain);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > end) {
				throw new AssertionError("condition not reached in 10 s");
			}
			Thread.sleep(5);
		}
	}
}
