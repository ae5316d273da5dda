package org.fundguard.generator;

/**
 * Injects a pattern at a known rate without drawing random numbers: of every opportunity seen, the share taken
 * stays within one of {@code rate}, the first one at about half of 1 / rate. That keeps the injected counts
 * predictable at any population size and leaves the random streams of the data untouched.
 */
final class InjectionQuota {

	final String name;
	final double rate;
	private long seen;
	private long taken;

	InjectionQuota(String name, double rate) {
		this.name = name;
		this.rate = rate;
	}

	boolean take() {
		seen++;
		if (taken + 0.5 <= rate * seen) {
			taken++;
			return true;
		}
		return false;
	}

	long taken() {
		return taken;
	}
}
