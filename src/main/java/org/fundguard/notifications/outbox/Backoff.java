package org.fundguard.notifications.outbox;

import java.time.Duration;

/**
 * The wait before the next attempt after a failed one: the first wait, doubled after each further failure, never more
 * than the longest. A mail server that is down for an hour is then asked a few dozen times, not thousands.
 */
public record Backoff(Duration first, Duration max) {

	public Backoff {
		if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
			throw new IllegalArgumentException("backoff needs 0 < first <= max");
		}
	}

	/** The wait after this many failed attempts (1 = the first failure). */
	public Duration after(int failedAttempts) {
		if (failedAttempts <= 1) {
			return first;
		}
		int doublings = Math.min(failedAttempts - 1, 40);
		// compare before multiplying, so large attempt counts cannot overflow
		if (first.toMillis() > (max.toMillis() >> Math.min(doublings, 62))) {
			return max;
		}
		Duration d = first.multipliedBy(1L << doublings);
		return d.compareTo(max) > 0 ? max : d;
	}
}
