package org.fundguard.generator;

/**
 * Monthly expenditure of every fund (pooling region + scheme): the sum of fund_paid of the settlements of its
 * insured persons, by the month of settle_time. Funds x months, whatever the population.
 */
final class FundBook {

	static final int FUNDS = Prefecture.values().length * 2;

	final long[][] expenditure;

	FundBook(int months) {
		expenditure = new long[FUNDS][months];
	}

	static int fund(Prefecture insured, String insuranceType) {
		return insured.ordinal() * 2 + (insuranceType.equals("310") ? 0 : 1);
	}

	static Prefecture region(int fund) {
		return Prefecture.values()[fund / 2];
	}

	static String insuranceType(int fund) {
		return fund % 2 == 0 ? "310" : "390";
	}

	static String name(int fund) {
		return region(fund).pooling + "|" + insuranceType(fund);
	}

	/** The funds whose bureau reports a ledger in this export: the two Shandong cities. */
	static boolean ledgered(int fund) {
		return region(fund).shandong;
	}

	void add(int fund, int month, long cents) {
		expenditure[fund][month] += cents;
	}
}
