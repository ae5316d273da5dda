package org.fundguard.rules;

import java.time.YearMonth;
import java.util.Map;

/** The fund rules' arithmetic on monthly expenditure (region + scheme → month → fund_paid). */
final class FundMath {

	private FundMath() {
	}

	/** Growth in percent over the same month a year before, or null when that month had no expenditure. */
	static Double growthPercent(Map<YearMonth, Double> expenditure, YearMonth month) {
		double before = expenditure.getOrDefault(month.minusMonths(12), 0.0);
		if (before <= 0) {
			return null;
		}
		return (expenditure.getOrDefault(month, 0.0) / before - 1) * 100;
	}

	/** The average monthly expenditure of the 12 months before, or null unless all 12 had expenditure. */
	static Double averageOfYearBefore(Map<YearMonth, Double> expenditure, YearMonth month) {
		double sum = 0;
		for (int k = 1; k <= 12; k++) {
			double e = expenditure.getOrDefault(month.minusMonths(k), 0.0);
			if (e <= 0) {
				return null;
			}
			sum += e;
		}
		return sum / 12;
	}

	/** A year's income and expenditure in cents. */
	record Deficit(long income, long expenditure) {
	}

	static long cents(double yuan) {
		return java.math.BigDecimal.valueOf(yuan).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
	}

	/**
	 * The year's deficit, or null when the ledger lacks one of its 12 income months or income is not strictly below
	 * expenditure (both in cents; expenditure summed by month, then rounded to the cent).
	 */
	static Deficit deficit(Map<YearMonth, Long> incomeCents, Map<YearMonth, Double> expenditure, int year) {
		long income = 0;
		double spent = 0;
		for (int m = 1; m <= 12; m++) {
			Long in = incomeCents.get(YearMonth.of(year, m));
			if (in == null) {
				return null;
			}
			income += in;
			spent += expenditure.getOrDefault(YearMonth.of(year, m), 0.0);
		}
		long spentCents = cents(spent);
		return income < spentCents ? new Deficit(income, spentCents) : null;
	}
}
