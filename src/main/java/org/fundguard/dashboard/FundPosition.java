package org.fundguard.dashboard;

import java.time.YearMonth;
import java.util.Map;

/**
 * One fund (pooling region + scheme) in one month, as the fund rules judge it: the month's income and expenditure,
 * growth over the same month a year before, the opening balance's cover in months of the 12 months before, and the
 * two bottom lines (底线): the year to date balanced (当期收支平衡) and the cover at or above the configured minimum.
 *
 * @param growthPercent null when the same month a year before had no expenditure
 * @param reserveMonths null without a ledger row for the month or without expenditure in all 12 months before
 * @param balanced null unless the ledger has every income month of the year up to this one
 * @param reserveMet null when {@code reserveMonths} is
 */
record FundPosition(String region, String scheme, YearMonth month, double income, double expenditure, Double growthPercent,
		Double reserveMonths, double minReserveMonths, double yearIncome, double yearExpenditure, Boolean balanced,
		Boolean reserveMet) {

	static final Map<String, String> SCHEMES = Map.of("310", "职工基本医疗保险", "390", "城乡居民基本医疗保险");

	String schemeLabel() {
		return SCHEMES.getOrDefault(scheme, scheme);
	}

	/**
	 * The position from the fund's monthly series: expenditure (fund_paid by settle month), income and opening balance
	 * (the ledger's), in yuan; figures compared in cents as the deficit rule compares them.
	 */
	static FundPosition of(String region, String scheme, YearMonth month, Map<YearMonth, Double> expenditure,
			Map<YearMonth, Double> income, Map<YearMonth, Double> opening, double minReserveMonths) {
		double spent = expenditure.getOrDefault(month, 0.0);
		double before = expenditure.getOrDefault(month.minusMonths(12), 0.0);
		Double growth = before > 0 ? round2((spent / before - 1) * 100) : null;
		Double reserve = null;
		Double average = averageOfYearBefore(expenditure, month);
		if (opening.containsKey(month) && average != null) {
			reserve = round2(opening.get(month) / average);
		}
		long yearIncome = 0;
		double yearSpent = 0;
		boolean complete = true;
		for (YearMonth m = YearMonth.of(month.getYear(), 1); !m.isAfter(month); m = m.plusMonths(1)) {
			Double in = income.get(m);
			if (in == null) {
				complete = false;
			}
			else {
				yearIncome += cents(in);
			}
			yearSpent += expenditure.getOrDefault(m, 0.0);
		}
		long yearSpentCents = cents(yearSpent);
		return new FundPosition(region, scheme, month, income.getOrDefault(month, 0.0), cents(spent) / 100.0, growth, reserve,
				minReserveMonths, yearIncome / 100.0, yearSpentCents / 100.0, complete ? yearIncome >= yearSpentCents : null,
				reserve == null ? null : reserve >= minReserveMonths);
	}

	/** The average monthly expenditure of the 12 months before, or null unless all 12 had expenditure (as the rule). */
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

	static long cents(double yuan) {
		return java.math.BigDecimal.valueOf(yuan).movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
	}

	private static double round2(double v) {
		return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
	}
}
