package org.fundguard.generator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.fundguard.claims.IdNumber;

/**
 * Hands out identity numbers that are unique by construction, so that two records share an id_number only where
 * a duplicate enrolment is injected. Random numbers would collide (birthday paradox) and remembering all issued
 * numbers would grow with the population; instead the n-th person of a (home prefecture, birth year, gender)
 * gets the n-th point of a fixed permutation of (day of year, district, sequence). The counters are bounded by
 * prefectures x years x 2, whatever the population.
 */
final class IdAllocator {

	/** Sequences 001..998 are issued (odd male, even female); 999 is left for deliberately invalid rows. */
	static final int RESERVED_SEQUENCE = 999;
	private static final int SEQUENCES_PER_GENDER = 499;
	/** A prime that divides none of 365, 499 or a district count, so the affine map below is a permutation. */
	private static final long MULTIPLIER = 1_000_003L;

	private final long seed;
	private final Map<Long, int[]> issued = new HashMap<>();

	IdAllocator(long seed) {
		this.seed = seed;
	}

	record Allocation(String idNumber, LocalDate birth) {
	}

	Allocation allocate(Prefecture home, int birthYear, int gender) {
		long key = ((long) home.ordinal() << 20) | ((long) birthYear << 1) | (gender - 1);
		int n = issued.computeIfAbsent(key, k -> new int[1])[0]++;
		int districts = home.districts.size();
		long space = 365L * districts * SEQUENCES_PER_GENDER;
		if (n >= space) {
			throw new IllegalStateException("more than " + space + " persons born in " + birthYear + " in " + home);
		}
		long x = Math.floorMod(n * MULTIPLIER + Seeds.mix(seed, key, 0), space);
		int dayOfYear = (int) (x % 365);
		x /= 365;
		int district = (int) (x % districts);
		int sequence = (int) (x / districts) * 2 + (gender == 1 ? 1 : 2);
		LocalDate birth = LocalDate.of(birthYear, 1, 1).plusDays(dayOfYear);
		return new Allocation(IdNumber.of(home.districts.get(district).code(), birth, sequence), birth);
	}
}
