package org.fundguard.generator;

import java.util.List;

/**
 * The current-deficit pattern (收不抵支) in the ledger: for one jurisdiction fund, the last complete calendar year and
 * the partial year at the start of the period (a near miss: income below expenditure, but not all twelve months in
 * the ledger) take in less than they spend, by cutting the year's last month of income and carrying the cut into every
 * later opening balance. Done before the fund rules are evaluated, so that reserve-months is judged on the ledger as
 * written; the fund chosen is not the one whose reserve is designed to dip, and a cut of about a month's spending
 * keeps a reserve of 7.8 months or more above the 6-month threshold.
 */
final class FundDeficits {

	private FundDeficits() {
	}

	static void inject(FundLedger ledger, FundBook book, ExportPeriod period) {
		int fund = -1;
		for (int f = 0; f < FundBook.FUNDS && fund < 0; f++) {
			if (FundBook.ledgered(f) && f != ledger.dipFund && KnowledgeBaseTruths.inJurisdiction(FundBook.region(f).pooling)) {
				fund = f;
			}
		}
		if (fund < 0) {
			return;
		}
		int lastComplete = -1;
		for (int m = 0; m < period.months; m++) {
			if (period.yearMonth(m).getMonthValue() == 12 && m >= 11) {
				lastComplete = m;
			}
		}
		int firstYearEnd = period.yearMonth(0).getMonthValue() == 1 ? -1 : 12 - period.yearMonth(0).getMonthValue();
		if (firstYearEnd >= 0 && firstYearEnd < period.months) {
			deficit(ledger.rows, book.expenditure[fund], fund, 0, firstYearEnd);
		}
		if (lastComplete >= 0) {
			deficit(ledger.rows, book.expenditure[fund], fund, lastComplete - 11, lastComplete);
		}
	}

	/** Lowers the income of months from..to (inclusive) of the fund until it is below their expenditure by 1 %. */
	private static void deficit(List<FundLedger.Row> rows, long[] e, int fund, int from, int to) {
		long income = 0;
		long spent = 0;
		for (FundLedger.Row r : rows) {
			if (r.fund() == fund && r.month() >= from && r.month() <= to) {
				income += r.income();
				spent += e[r.month()];
			}
		}
		long cut = income - spent + Math.max(1, spent / 100);
		if (cut <= 0) {
			return;
		}
		long carried = 0;
		for (int i = 0; i < rows.size(); i++) {
			FundLedger.Row r = rows.get(i);
			if (r.fund() != fund) {
				continue;
			}
			long opening = r.opening() - carried;
			long newIncome = r.income();
			if (r.month() >= from && r.month() <= to && cut > carried) {
				long take = Math.min(newIncome, cut - carried);
				newIncome -= take;
				carried += take;
			}
			rows.set(i, new FundLedger.Row(fund, r.month(), newIncome, opening));
		}
	}
}
