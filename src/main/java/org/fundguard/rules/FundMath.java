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
}
