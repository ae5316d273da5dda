package org.fundguard.reports.portal;

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
		FilterChain blocking = holdsTurn(entered, release);
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

	@Test
	void aSubmissionsBodyIsReadBeforeItWaitsForItsTurn() throws Exception {
		var turns = new PortalBulkhead.Turns(1, 10, 10_000);
		var release = new CountDownLatch(1);
		var entered = new CountDownLatch(1);
		var bodyRead = new CountDownLatch(1);
		FilterChain holding = holdsTurn(entered, release);
		var upload = new MockHttpServletRequest("POST", "/portal/report") {

			@Override
			public java.util.Map<String, String[]> getParameterMap() {
				bodyRead.countDown();
				return super.getParameterMap();
			}
		};
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			Future<?> holder = pool.submit(() -> run(turns, holding, new MockHttpServletResponse()));
			assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
			Future<?> waiting = pool.submit(() -> {
				try {
					turns.doFilter(upload, new MockHttpServletResponse(), (req, res) -> {
					});
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			// read while the only turn is still held by the first request
			assertThat(bodyRead.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(waiting.isDone()).isFalse();
			release.countDown();
			holder.get(10, TimeUnit.SECONDS);
			waiting.get(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void withNoWaitingAllowedAFreeTurnIsStillTaken() {
		var turns = new PortalBulkhead.Turns(1, 0, 1_000);
		var response = new MockHttpServletResponse();
		run(turns, (req, res) -> {
		}, response);
		assertThat(response.getStatus()).isEqualTo(200);
	}

	/** A request's work that signals once it holds its turn and keeps it until released. */
	private static FilterChain holdsTurn(CountDownLatch entered, CountDownLatch release) {
		return (req, res) -> {
			entered.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		};
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
