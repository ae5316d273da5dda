package org.fundguard.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The monthly fund positions (基金收支) of the two Shandong cities' funds, built after all settlements are known:
 * income is chosen so that the opening balance (累计结余) covers 7.8 to 9.6 months of the average expenditure of
 * the months before (a slow random walk), except for one fund whose reserve glides down and dips below the threshold in one month
 * before a subsidy restores it. Then both fund rules are evaluated on the exact figures, for every fund.
 */
final class FundLedger {

	static final int GROWTH_PERCENT = 20;
	static final int RESERVE_MONTHS = 6;

	record Row(int fund, int month, long income, long opening) {
	}

	record Hit(String rule, String key, String detail) {
	}

	final List<Row> rows = new ArrayList<>();
	final List<Hit> hits = new ArrayList<>();
	int dipFund = -1;
	int dipMonth = -1;

	static FundLedger build(FundBook book, ExportPeriod period, FundSteering steering, SplittableRandom rng) {
		FundLedger ledger = new FundLedger();
		int months = period.months;
		if (months >= 13) {
			ledger.dipMonth = 12 + rng.nextInt(months - 12);
			int start = rng.nextInt(FundBook.FUNDS);
			for (int k = 0; k < FundBook.FUNDS && ledger.dipFund < 0; k++) {
				int f = (start + k) % FundBook.FUNDS;
				if (FundBook.ledgered(f) && f != steering.injectedFund) {
					ledger.dipFund = f;
				}
			}
		}
		for (int f = 0; f < FundBook.FUNDS; f++) {
			if (FundBook.ledgered(f)) {
				ledger.positions(f, book.expenditure[f], months, rng);
			}
		}
		FundDeficits.inject(ledger, book, period);
		ledger.evaluate(book, period);
		return ledger;
	}

	/**
	 * Opening balances and income of one fund. Income is what brings next month's opening balance to its target
	 * cover (months of average expenditure), never negative. The dip fund glides down by 0.6 months of cover a
	 * month from three months before the planned dip and keeps gliding until a month that the rule evaluates
	 * really is below the threshold; then a subsidy restores the reserve. That month is the dip.
	 */
	private void positions(int f, long[] e, int months, SplittableRandom rng) {
		boolean dip = f == dipFund;
		int glideFrom = dip ? dipMonth - 3 : months;
		double cover = 8.0 + 1.5 * rng.nextDouble();
		long opening = Math.round(cover * Math.max(average(e, 0), 1));
		boolean dipped = false;
		for (int m = 0; m < months; m++) {
			if (dip && !dipped && m >= 12 && below(opening, e, m)) {
				dipped = true;
				dipMonth = m;
			}
			long income;
			if (m + 1 < months) {
				// a slow random walk of the reserve keeps income near expenditure, as contributions are
				cover = Math.min(9.6, Math.max(7.8, cover + 0.3 * (rng.nextDouble() - 0.5)));
				double next = cover;
				if (dip && !dipped && m + 1 >= glideFrom) {
					next = Math.max(4.0, 8.0 - 0.6 * (m + 2 - glideFrom));
				}
				income = Math.max(0, Math.round(next * average(e, m + 1)) - opening + e[m]);
			}
			else {
				income = Math.round(e[m] * (0.95 + 0.1 * rng.nextDouble()));
			}
			rows.add(new Row(f, m, income, opening));
			opening = opening + income - e[m];
		}
		if (dip && !dipped) {
			dipMonth = -1;
			dipFund = -1;
		}
	}

	/** Whether the reserve-months rule fires for an opening balance in month m (all 12 months before spent). */
	private static boolean below(long opening, long[] e, int m) {
		long sum = 0;
		for (int k = m - 12; k < m; k++) {
			if (e[k] <= 0) {
				return false;
			}
			sum += e[k];
		}
		return opening * 12 < RESERVE_MONTHS * sum;
	}

	/**
	 * The average monthly expenditure the reserve is measured against: the twelve months before month m, as the
	 * rule has it; before a year has passed, the first year's average (known here, as the ledger is built last),
	 * which keeps early income smooth.
	 */
	private static double average(long[] e, int m) {
		int from = m >= 12 ? m - 12 : 0;
		int to = m >= 12 ? m : Math.min(12, e.length);
		long sum = 0;
		for (int k = from; k < to; k++) {
			sum += e[k];
		}
		return (double) sum / (to - from);
	}

	private void evaluate(FundBook book, ExportPeriod period) {
		for (int f = 0; f < FundBook.FUNDS; f++) {
			long[] e = book.expenditure[f];
			for (int m = 12; m < period.months; m++) {
				long before = e[m - 12];
				if (before > 0 && e[m] * 100 > before * (100 + GROWTH_PERCENT)) {
					hits.add(new Hit("expenditure-growth", key(f, m, period), String.format(
							"expenditure %s vs %s in %s: +%.1f%%", Money.format(e[m]), Money.format(before),
							period.yearMonth(m - 12), 100.0 * (e[m] - before) / before)));
				}
			}
		}
		for (Row r : rows) {
			if (r.month < 12) {
				continue;
			}
			long[] e = book.expenditure[r.fund];
			long sum = 0;
			boolean all = true;
			for (int k = r.month - 12; k < r.month; k++) {
				sum += e[k];
				all &= e[k] > 0;
			}
			if (all && below(r.opening, e, r.month)) {
				hits.add(new Hit("reserve-months", key(r.fund, r.month, period), String.format(
						"opening balance %s covers %.2f months of average expenditure %s", Money.format(r.opening),
						r.opening * 12.0 / sum, Money.format(sum / 12))));
			}
		}
	}

	static String key(int fund, int month, ExportPeriod period) {
		return FundBook.name(fund) + "|" + period.yearMonth(month);
	}
}
