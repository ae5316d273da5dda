package org.fundguard.support;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Two-factor codes the way a user's authenticator app makes them (RFC 6238, the realm's policy: HmacSHA1, 6 digits,
 * 30 seconds), for the demo users' imported secrets and for secrets a test enrolled itself.
 * <p>
 * Keycloak takes each code once (otpPolicyCodeReusable false) and accepts the codes of the step before and after the
 * current one (otpPolicyLookAheadWindow 1). Tests sign the same user in many times a minute, so every sign-in gets a
 * code of its own: the next step's, then the current one's, then the previous one's while it still has time, and when
 * all three were used it waits for the next step.
 */
public final class Totp {

	private static final long PERIOD = 30;
	private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(PERIOD), 6,
			"HmacSHA1");
	/** The steps whose code was given, per secret (as text): a code Keycloak took is refused if given again. */
	private static final Map<String, Set<Long>> USED = new ConcurrentHashMap<>();

	private Totp() {
	}

	/** A code for this demo user that this test run has not used, or empty when the user has no imported secret. */
	public static Optional<String> freshCodeFor(String username) {
		return DemoUsers.otpSecret(username).map(Totp::freshCode);
	}

	/** The secret's code at this moment (what the authenticator app shows now). */
	public static String now(byte[] secret) {
		return at(secret, Instant.now().getEpochSecond() / PERIOD);
	}

	/** A code of this secret that has not been given yet: see the class comment. */
	public static String freshCode(byte[] secret) {
		Set<Long> used = USED.computeIfAbsent(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1),
				s -> new HashSet<>());
		synchronized (used) {
			while (true) {
				long seconds = Instant.now().getEpochSecond();
				long step = seconds / PERIOD;
				// the previous step's code only while more than 10 seconds are left of the current step
				long[] candidates = seconds % PERIOD < PERIOD - 10 ? new long[] { step + 1, step, step - 1 }
						: new long[] { step + 1, step };
				for (long candidate : candidates) {
					if (used.add(candidate)) {
						return at(secret, candidate);
					}
				}
				sleep(Duration.ofSeconds(PERIOD - seconds % PERIOD).plusMillis(200));
			}
		}
	}

	/** A code that is wrong now: none of the codes Keycloak would accept (the steps before, now and after). */
	public static String wrongCode(byte[] secret) {
		long step = Instant.now().getEpochSecond() / PERIOD;
		Set<String> valid = new HashSet<>();
		for (long s = step - 2; s <= step + 2; s++) {
			valid.add(at(secret, s));
		}
		for (int n = 0;; n++) {
			String candidate = String.format("%06d", (Integer.parseInt(at(secret, step)) + 1 + n) % 1_000_000);
			if (!valid.contains(candidate)) {
				return candidate;
			}
		}
	}

	private static String at(byte[] secret, long step) {
		try {
			return TOTP.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), Instant.ofEpochSecond(step * PERIOD));
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Keycloak locks an account for a minute after two failed sign-ins within a second (bruteForceProtected,
	 * quickLoginCheckMilliSeconds): a helper that tries another code after a refused one waits this long first.
	 */
	public static void pauseAfterRefusal() {
		sleep(Duration.ofMillis(1500));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
