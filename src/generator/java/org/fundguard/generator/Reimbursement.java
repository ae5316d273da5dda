package org.fundguard.generator;

/**
 * What the pooled fund pays of a settlement (统筹基金支付) before the fund steering: a deductible (起付线) and a
 * share by scheme, setting and hospital grade; less for out-of-area treatment, more for assisted persons.
 */
final class Reimbursement {

	private Reimbursement() {
	}

	static long fundShare(Person p, Visit v, long total) {
		boolean employee = p.employee();
		Tier tier = v.provider.tier;
		double ratio;
		long deductible = 0;
		switch (v.type) {
			case INPATIENT -> {
				switch (tier) {
					case H3 -> {
						ratio = employee ? 0.85 : 0.60;
						deductible = employee ? 80_000 : 100_000;
					}
					case H2 -> {
						ratio = employee ? 0.90 : 0.75;
						deductible = employee ? 50_000 : 60_000;
					}
					default -> {
						ratio = employee ? 0.95 : 0.85;
						deductible = employee ? 20_000 : 30_000;
					}
				}
			}
			case CHRONIC -> ratio = v.dialysisSession ? (employee ? 0.90 : 0.85) : (employee ? 0.80 : 0.65);
			case GENERAL -> ratio = tier == Tier.H3 || tier == Tier.H2 ? (employee ? 0.5 : 0.4) : (employee ? 0.6 : 0.5);
			default -> ratio = employee && v.diag.minStay > 0 ? 0.5 : 0; // 门诊共济 for chronic drugs; else own account
		}
		if (v.outOfArea) {
			ratio = Math.max(0, ratio - 0.10);
		}
		if (p.assisted && ratio > 0) {
			ratio = Math.min(0.95, ratio + 0.05);
			deductible /= 2;
		}
		return Math.max(0, Math.round((total - deductible) * ratio));
	}
}
