package org.fundguard.reports.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.fundguard.reports.Hmac;
import org.fundguard.reports.ReportsProperties;
import org.fundguard.sealing.Sealer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A hashcash stamp instead of a third-party CAPTCHA (which would hand the reporter's browser to someone else):
 * the form carries a signed, expiring challenge, and the browser finds a nonce such that SHA-256 of
 * {@code challenge + ":" + nonce} begins with the configured number of zero bits (16 by default: about 65,000
 * hashes, a fraction of a second on a phone). Each challenge counts once. The signing key and the used challenges
 * are in the database every node shares (issue 21): a form served by one node is accepted by another, and a stamp
 * spent on one node is spent on all. The key is stored sealed and made by the first node that needs it.
 */
@Component
public class ProofOfWork {

	private final int bits;
	private final long validityMillis;
	private final Clock clock;
	private static final String KEY_NAME = "proof-of-work-signing";

	private final SecureRandom random = new SecureRandom();
	private final JdbcClient jdbc;
	private final Sealer sealer;
	private volatile byte[] key;
	private final java.util.concurrent.atomic.AtomicLong lastSweep = new java.util.concurrent.atomic.AtomicLong();

	public ProofOfWork(ReportsProperties properties, Clock clock, JdbcClient jdbc, Sealer sealer) {
		this.bits = properties.portal().proofOfWorkBits();
		this.validityMillis = properties.portal().challengeValidity().toMillis();
		this.clock = clock;
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	int bits() {
		return bits;
	}

	/** {@code v1.<expires>.<random>.<signature>} */
	public String challenge() {
		byte[] nonce = new byte[12];
		random.nextBytes(nonce);
		String body = "v1." + Long.toString(clock.millis() + validityMillis, 36) + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
		return body + "." + sign(body);
	}

	/** True once per valid, unexpired challenge with a nonce that does the work. */
	public boolean verify(String challenge, String nonce) {
		if (bits <= 0) {
			return true;
		}
		if (challenge == null || nonce == null || nonce.length() > 32 || challenge.length() > 120) {
			return false;
		}
		int dot = challenge.lastIndexOf('.');
		String[] parts = challenge.split("\\.");
		if (dot < 0 || parts.length != 4 || !"v1".equals(parts[0])
				|| !MessageDigest.isEqual(sign(challenge.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
						challenge.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
			return false;
		}
		long expires;
		try {
			expires = Long.parseLong(parts[1], 36);
		}
		catch (NumberFormatException e) {
			return false;
		}
		long now = clock.millis();
		if (now > expires || leadingZeroBits(sha256(challenge + ":" + nonce)) < bits) {
			return false;
		}
		forgetExpired(now);
		try {
			// outside any transaction: a refused insert aborts nothing on PostgreSQL
			jdbc.sql("insert into portal_used_stamp (challenge, expires_at) values (?, ?)").params(challenge, expires).update();
			return true;
		}
		catch (DuplicateKeyException spentAlready) {
			return false;
		}
	}

	/** At most once a minute per node: a sweep per request would cost more the busier the portal is. */
	private void forgetExpired(long now) {
		long last = lastSweep.get();
		if (now - last > 60_000 && lastSweep.compareAndSet(last, now)) {
			jdbc.sql("delete from portal_used_stamp where expires_at < ?").param(now).update();
		}
	}

	/** The signing key every node uses: read once, made by the first node that finds none. */
	private byte[] key() {
		byte[] k = key;
		if (k == null) {
			String context = "portal_secret:" + KEY_NAME;
			if (stored() == null) {
				byte[] fresh = new byte[32];
				random.nextBytes(fresh);
				try {
					jdbc.sql("insert into portal_secret (name, sealed) values (?, ?)")
						.params(KEY_NAME, sealer.seal(fresh, context))
						.update();
				}
				catch (DuplicateKeyException anotherNodeFirst) {
					// its key is everyone's
				}
			}
			k = sealer.open(stored(), context);
			key = k;
		}
		return k;
	}

	private byte[] stored() {
		return jdbc.sql("select sealed from portal_secret where name = ?").param(KEY_NAME)
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.orElse(null);
	}

	public static int leadingZeroBits(byte[] hash) {
		int zeros = 0;
		for (byte b : hash) {
			if (b == 0) {
				zeros += 8;
				continue;
			}
			return zeros + Integer.numberOfLeadingZeros(b & 0xFF) - 24;
		}
		return zeros;
	}

	/** What the browser's script does, for tests and the load driver. */
	public static String solve(String challenge, int bits) {
		for (long n = 0;; n++) {
			String nonce = Long.toString(n, 36);
			if (leadingZeroBits(sha256(challenge + ":" + nonce)) >= bits) {
				return nonce;
			}
		}
	}

	public static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private String sign(String body) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString(java.util.Arrays.copyOf(Hmac.sha256(key(), body.getBytes(StandardCharsets.US_ASCII)), 16));
	}
}
