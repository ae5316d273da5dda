package org.fundguard.reports.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.fundguard.reports.Hmac;
import org.fundguard.reports.ReportsProperties;

import org.springframework.stereotype.Component;

/**
 * A hashcash stamp instead of a third-party CAPTCHA (which would hand the reporter's browser to someone else):
 * the form carries a signed, expiring challenge, and the browser finds a nonce such that SHA-256 of
 * {@code challenge + ":" + nonce} begins with the configured number of zero bits (16 by default: about 65,000
 * hashes, a fraction of a second on a phone). Each challenge counts once. The signing key and the list of used
 * challenges live in memory only; a restart just invalidates forms that were open.
 */
@Component
public class ProofOfWork {

	private final int bits;
	private final long validityMillis;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();
	private final byte[] key = new byte[32];
	private final ConcurrentHashMap<String, Long> used = new ConcurrentHashMap<>();
	private final java.util.concurrent.atomic.AtomicLong lastSweep = new java.util.concurrent.atomic.AtomicLong();

	public ProofOfWork(ReportsProperties properties, Clock clock) {
		this.bits = properties.portal().proofOfWorkBits();
		this.validityMillis = properties.portal().challengeValidity().toMillis();
		this.clock = clock;
		random.nextBytes(key);
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
		return used.putIfAbsent(challenge, expires) == null;
	}

	/** At most once a minute: a sweep per request would cost more the busier the portal is. */
	private void forgetExpired(long now) {
		long last = lastSweep.get();
		if (now - last > 60_000 && lastSweep.compareAndSet(last, now)) {
			used.values().removeIf(expires -> expires < now);
		}
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
			.encodeToString(java.util.Arrays.copyOf(Hmac.sha256(key, body.getBytes(StandardCharsets.US_ASCII)), 16));
	}
}
