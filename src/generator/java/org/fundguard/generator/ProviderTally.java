package org.fundguard.generator;

/**
 * Small per-provider accumulators: what the peer-outlier rules measure (settlements, inpatient and out-of-area
 * settlements, settlements with a genetic test, high-value-consumable amount) and how many settlements could
 * carry a genetic test or an implant. Bounded by the number of providers, not by the population.
 */
final class ProviderTally {

	final long[] settlements;
	final long[] inpatient;
	final long[] outOfArea;
	final long[] genetic;
	final long[] hvmc;
	final long[] hvmcEligible;
	final long[] geneticEligible;

	ProviderTally(int providers) {
		settlements = new long[providers];
		inpatient = new long[providers];
		outOfArea = new long[providers];
		genetic = new long[providers];
		hvmc = new long[providers];
		hvmcEligible = new long[providers];
		geneticEligible = new long[providers];
	}

	/** Counts one settlement; the bill is null in the planning pass, which bills nothing. */
	void count(Visit v, Bill bill) {
		int i = v.provider.index;
		settlements[i]++;
		inpatient[i] += v.inpatient() ? 1 : 0;
		outOfArea[i] += v.outOfArea ? 1 : 0;
		hvmcEligible[i] += ProcedurePlans.hvmcEligible(v) ? 1 : 0;
		geneticEligible[i] += ProcedurePlans.geneticEligible(v) ? 1 : 0;
		if (bill != null) {
			genetic[i] += bill.hasGeneticTest() ? 1 : 0;
			hvmc[i] += bill.hvmcAmount();
		}
	}
}
