package org.fundguard.generator;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the one seed. Each person, each settlement and each side concern
 * (directory, invalid rows, ledger) draws from its own stream, so that what one part draws never shifts the data
 * of another: the three passes of the generator see the same persons, and an export with invalid rows holds the
 * same valid rows as one without.
 */
final class Seeds {

	static final long DIRECTORY = 1;
	static final long PERSON = 2;
	static final long CONTENT = 3;
	static final long BAD_ROWS = 4;
	static final long INSPECTORS = 5;
	static final long FUNDS = 6;
	static final long CARE = 7;
	static final long KNOWLEDGE_BASE = 8;

	private Seeds() {
	}

	static SplittableRandom random(long seed, long stream, long index) {
		return new SplittableRandom(mix(seed, stream, index));
	}

	/** SplitMix64's finaliser over the three inputs: neighbouring indexes give unrelated seeds. */
	static long mix(long seed, long stream, long index) {
		long z = seed + stream * 0x9E3779B97F4A7C15L + index * 0xD1B54A32D192ED03L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
