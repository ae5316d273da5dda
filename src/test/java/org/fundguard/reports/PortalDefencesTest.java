package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.fundguard.reports.portal.PortalClients;
import org.fundguard.reports.portal.PortalPrivacy;
import org.fundguard.reports.portal.ProofOfWork;
import org.fundguard.support.MigratedH2;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The proof-of-work stamp, the per-client limits and the privacy filter, without a server. */
class PortalDefencesTest {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T02:00:00Z"));
	private final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return now.get();
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	};

	@Test
	void aStampCountsOnceOnlyForItsOwnChallengeAndOnlyUntilItExpires() {
		var pow = new ProofOfWork(ReportsProperties.defaults(), clock, db,
				org.fundguard.sealing.Sealer.withKeyFile(keys.resolve("master-keyset.json")));
		String challenge = pow.challenge();
		String nonce = ProofOfWork.solve(challenge, 16);

		assertThat(ProofOfWork.leadingZeroBits(ProofOfWork.sha256(challenge + ":" + nonce))).isGreaterThanOrEqualTo(16);
		assertThat(pow.verify(challenge, "0")).as("no work done").isFalse();
		assertThat(pow.verify(challenge, nonce)).isTrue();
		assertThat(pow.verify(challenge, nonce)).as("replayed").isFalse();
		var otherNode = new ProofOfWork(ReportsProperties.defaults(), clock, db,
				org.fundguard.sealing.Sealer.withKeyFile(keys.resolve("master-keyset.json")));
		assertThat(otherNode.verify(challenge, nonce)).as("replayed on another node").isFalse();
		String fromOtherNode = otherNode.challenge();
		assertThat(pow.verify(fromOtherNode, ProofOfWork.solve(fromOtherNode, 16))).as("a form served by another node").isTrue();

		String forged = challenge.substring(0, challenge.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
		assertThat(pow.verify(forged, ProofOfWork.solve(forged, 16))).as("not signed by this server").isFalse();

		String old = pow.challenge();
		now.set(now.get().plus(Duration.ofMinutes(61)));
		assertThat(pow.verify(old, ProofOfWork.solve(old, 16))).as("expired").isFalse();
	}

	@org.junit.jupiter.api.io.TempDir
	java.nio.file.Path keys;

	private final org.springframework.jdbc.core.simple.JdbcClient db = database();

	/** A node's limits over the one database every node shares (an H2 here, migrated as the application's). */
	private PortalClients clients() {
		return new PortalClients(ReportsProperties.defaults(), clock, db,
				org.fundguard.sealing.Sealer.withKeyFile(keys.resolve("master-keyset.json")));
	}

	private static org.springframework.jdbc.core.simple.JdbcClient database() {
		var ds = MigratedH2.dataSource("portal-limits");
		return org.springframework.jdbc.core.simple.JdbcClient.create(ds);
	}

	@Test
	void twoNodesShareOneAllowancePerClientAndOneKeyPerWindow() {
		var node1 = clients();
		var node2 = clients();
		String a = node1.keyOf("203.0.113.7");
		assertThat(node2.keyOf("203.0.113.7")).as("the same client is the same key on every node").isEqualTo(a);

		for (int i = 0; i < 5; i++) {
			assertThat((i % 2 == 0 ? node1 : node2).tryAcquire(PortalClients.Kind.SUBMISSION, a)).isTrue();
		}
		assertThat(node1.tryAcquire(PortalClients.Kind.SUBMISSION, a)).isFalse();
		assertThat(node2.tryAcquire(PortalClients.Kind.SUBMISSION, a)).as("not a second allowance on the other node").isFalse();
		assertThat(db.sql("select sealed_key from portal_rate_window").query((rs, n) -> rs.getBytes(1)).single())
			.as("the key is sealed, not the 32 bytes themselves").hasSizeGreaterThan(32);

		now.set(now.get().plus(Duration.ofMinutes(10)));
		String next = node2.keyOf("203.0.113.7");
		assertThat(node1.keyOf("203.0.113.7")).isEqualTo(next).isNotEqualTo(a);
		assertThat(db.sql("select count(*) from portal_rate_count").query(Long.class).single())
			.as("the last window's counters are gone with its key").isZero();
		assertThat(db.sql("select count(*) from portal_rate_window").query(Long.class).single()).isOne();
		assertThat(node1.tryAcquire(PortalClients.Kind.SUBMISSION, next)).isTrue();
	}

	@Test
	void eachClientHasItsOwnAllowanceAndTheKeysChangeWithTheWindow() {
		var clients = clients();
		String a = clients.keyOf("203.0.113.7");
		String b = clients.keyOf("198.51.100.9");

		assertThat(a).doesNotContain("203.0.113.7").isEqualTo(clients.keyOf("203.0.113.7")).isNotEqualTo(b);
		for (int i = 0; i < 5; i++) {
			assertThat(clients.tryAcquire(PortalClients.Kind.SUBMISSION, a)).isTrue();
		}
		assertThat(clients.tryAcquire(PortalClients.Kind.SUBMISSION, a)).isFalse();
		assertThat(clients.tryAcquire(PortalClients.Kind.SUBMISSION, b)).isTrue();
		assertThat(clients.tryAcquire(PortalClients.Kind.LOOKUP, a)).as("lookups are counted apart").isTrue();

		now.set(now.get().plus(Duration.ofMinutes(10)));
		String next = clients.keyOf("203.0.113.7");
		assertThat(next).as("a new window, a new key: the old counters cannot be linked").isNotEqualTo(a);
		assertThat(clients.tryAcquire(PortalClients.Kind.SUBMISSION, next)).isTrue();
	}

	@Test
	void behindThePrivacyFilterAPortalRequestHasNoAddressAndNoBrowser() throws Exception {
		var registration = new PortalPrivacy().portalPrivacyFilter(clients(),
				ReportsProperties.defaults());
		var request = new MockHttpServletRequest("GET", "/portal/report");
		request.setRemoteAddr("203.0.113.7");
		request.addHeader("User-Agent", "Mozilla/5.0 (Linux; Android 14; Pixel 8)");
		request.addHeader("X-Forwarded-For", "203.0.113.7");
		request.addHeader("Accept-Language", "zh-CN");
		var chain = new MockFilterChain();

		registration.getFilter().doFilter(request, new MockHttpServletResponse(), chain);

		var seen = (jakarta.servlet.http.HttpServletRequest) chain.getRequest();
		assertThat(seen.getRemoteAddr()).isEqualTo("0.0.0.0");
		assertThat(seen.getRemoteHost()).isEqualTo("0.0.0.0");
		assertThat(seen.getHeader("User-Agent")).isNull();
		assertThat(seen.getHeader("X-Forwarded-For")).isNull();
		assertThat(java.util.Collections.list(seen.getHeaderNames())).containsExactly("Accept-Language");
		assertThat((String) seen.getAttribute(PortalClients.ATTRIBUTE)).isNotBlank().doesNotContain("203.0.113.7");

		var staff = new MockHttpServletRequest("GET", "/rules");
		staff.setRemoteAddr("10.1.2.3");
		var staffChain = new MockFilterChain();
		registration.getFilter().doFilter(staff, new MockHttpServletResponse(), staffChain);
		assertThat(staffChain.getRequest().getRemoteAddr()).as("staff pages are not touched").isEqualTo("10.1.2.3");
	}

	@Test
	void aPortalPostWithoutALengthOrOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
		var registration = new PortalPrivacy().portalPrivacyFilter(clients(),
				ReportsProperties.defaults());
		var tooBig = new MockHttpServletRequest("POST", "/portal/report") {
			@Override
			public long getContentLengthLong() {
				return 56L * 1024 * 1024;
			}
		};
		var response = new MockHttpServletResponse();
		var chain = new MockFilterChain();

		registration.getFilter().doFilter(tooBig, response, chain);

		assertThat(response.getStatus()).isEqualTo(413);
		var chunked = new MockHttpServletRequest("POST", "/portal/report");
		var lengthRequired = new MockHttpServletResponse();
		registration.getFilter().doFilter(chunked, lengthRequired, chain);
		assertThat(lengthRequired.getStatus()).isEqualTo(411);
		assertThat(chain.getRequest()).isNull();
	}
}
