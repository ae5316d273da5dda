package org.fundguard.recovery;

import java.time.LocalDate;

/**
 * Which rows to read; a null field does not filter.
 *
 * @param from first day booked, inclusive
 * @param to last day booked, inclusive
 */
public record RecoveryFilter(LocalDate from, LocalDate to, String providerCode, RecoverySource source, String ruleId) {

	public static RecoveryFilter all() {
		return new RecoveryFilter(null, null, null, null, null);
	}

	/** The same filter narrowed to one institution: the only rows an institution's user may read. */
	public RecoveryFilter onlyProvider(String code) {
		return new RecoveryFilter(from, to, code, source, ruleId);
	}
}
