package org.fundguard.generator;

import java.util.SplittableRandom;

/**
 * Keeps every fund's expenditure growth below the rule's threshold except where it is injected. A demo fund has
 * a few hundred to a few thousand members, and one month's expenditure swings with a handful of admissions far
 * more than 20 % from the same month a year before. The billing pass measures each fund-month; the writing pass
 * then scales fund_paid (never above the total, never the amounts billed) so that a month is at most
 * {@value #CAP} times the same month a year before; and, for the injected case, lowers the year-before month so
 * that the later one is about {@value #INJECTED} times it.
 */
final class FundSteering {

	static final double CAP = 1.08;
	static final double INJECTED = 1.45;

	private final double[][] factor;
	final int injectedFund;
	final int injectedMonth;

	private FundSteering(double[][] factor, int injectedFund, int injectedMonth) {
		this.factor = factor;
		this.injectedFund = injectedFund;
		this.injectedMonth = injectedMonth;
	}

	static FundSteering none(int months) {
		double[][] f = new double[FundBook.FUNDS][months];
		for (double[] row : f) {
			java.util.Arrays.fill(row, 1);
		}
		return new FundSteering(f, -1, -1);
	}

	static FundSteering plan(FundBook measured, int months, SplittableRandom rng) {
		long[][] e1 = measured.expenditure;
		double[][] factor = new double[FundBook.FUNDS][months];
		int injectedFund = -1;
		int injectedMonth = -1;
		if (months >= 13) {
			// the growth case goes to a Shandong fund with expenditure in both months
			injectedMonth = 12 + rng.nextInt(months - 12);
			int start = rng.nextInt(FundBook.FUNDS);
			for (int k = 0; k < FundBook.FUNDS && injectedFund < 0; k++) {
				int f = (start + k) % FundBook.FUNDS;
				if (FundBook.ledgered(f) && e1[f][injectedMonth] > 0 && e1[f][injectedMonth - 12] > 0) {
					injectedFund = f;
				}
			}
		}
		double[][] steered = new double[FundBook.FUNDS][months];
		for (int m = 0; m < months; m++) {
			for (int f = 0; f < FundBook.FUNDS; f++) {
				double k = 1;
				boolean injected = f == injectedFund && m == injectedMonth;
				if (m >= 12 && steered[f][m - 12] > 0 && !injected && e1[f][m] > CAP * steered[f][m - 12]) {
					k = CAP * steered[f][m - 12] / e1[f][m];
				}
				if (f == injectedFund && m == injectedMonth - 12) {
					k = Math.min(k * 0.7, e1[f][injectedMonth] / (INJECTED * e1[f][m]));
				}
				factor[f][m] = k;
				steered[f][m] = e1[f][m] * k;
			}
		}
		return new FundSteering(factor, injectedFund, injectedMonth);
	}

	/** The fund's share after steering, in cents, never above the settlement total. */
	long apply(int fund, int month, long share, long total) {
		double k = factor[fund][month];
		return k == 1 ? share : Math.min(total, Math.round(share * k));
	}
}
