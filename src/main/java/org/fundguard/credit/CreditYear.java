package org.fundguard.credit;

import org.fundguard.errors.Refused;

/** The one check on a requested year and grade, for pages and API alike. */
final class CreditYear {

	private CreditYear() {
	}

	static int of(String requested, CreditLedger ledger) {
		if (requested == null || requested.isBlank()) {
			return ledger.today().getYear();
		}
		try {
			int year = Integer.parseInt(requested.strip());
			if (year >= 2000 && year <= ledger.today().getYear() + 1) {
				return year;
			}
		}
		catch (NumberFormatException e) {
			// refused below, with the same message as an out-of-range year
		}
		throw Refused.because("credit.year.invalid", requested);
	}

	static CreditGrade grade(String requested) {
		if (requested == null || requested.isBlank()) {
			return null;
		}
		for (CreditGrade g : CreditGrade.values()) {
			if (g.name().equals(requested.strip())) {
				return g;
			}
		}
		throw Refused.because("credit.grade.invalid", requested);
	}
}
