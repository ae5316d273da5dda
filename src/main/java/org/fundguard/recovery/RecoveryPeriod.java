package org.fundguard.recovery;

import org.fundguard.errors.Refused;

/** The one check on a requested period, for pages and API alike: it may not end before it starts. */
final class RecoveryPeriod {

	private RecoveryPeriod() {
	}

	static RecoveryFilter checked(RecoveryFilter f) {
		if (f.from() != null && f.to() != null && f.to().isBefore(f.from())) {
			throw Refused.because("recovery.period.backwards", f.from(), f.to());
		}
		return f;
	}
}
