package org.fundguard.generator;

import java.util.List;

/**
 * Decides which settlements carry a genetic test or a high-value implant, so that each provider ends exactly on
 * its target: the planning pass counts each provider's settlements and eligible settlements, and the billing
 * passes then spread the planned count (or amount) evenly over the eligible ones. Deciding on the fly instead
 * would leave an end-of-period error of several implants per hospital, which at demo sizes is enough to make an
 * accidental outlier.
 */
final class ProcedurePlans {

	private final long[] geneticPlanned;
	private final long[] geneticEligible;
	private final long[] hvmcPlanned;
	private final long[] hvmcEligible;
	private final long[] geneticSeen;
	private final long[] geneticDone;
	private final long[] hvmcSeen;
	private final long[] hvmcDone;

	ProcedurePlans(List<Provider> providers, ProviderTally planned) {
		int n = providers.size();
		geneticPlanned = new long[n];
		hvmcPlanned = new long[n];
		geneticEligible = planned.geneticEligible.clone();
		hvmcEligible = planned.hvmcEligible.clone();
		for (Provider p : providers) {
			int i = p.index;
			geneticPlanned[i] = Math.min(geneticEligible[i], Math.round(p.geneticShare * planned.settlements[i]));
			hvmcPlanned[i] = p.hvmcPerInpatient * planned.inpatient[i];
		}
		geneticSeen = new long[n];
		geneticDone = new long[n];
		hvmcSeen = new long[n];
		hvmcDone = new long[n];
	}

	static boolean geneticEligible(Visit v) {
		Provider p = v.provider;
		if (p.geneticShare <= 0 || v.type == Visit.MedType.PHARMACY) {
			return false;
		}
		return ProviderDirectory.GENETIC_OUTLIER.equals(p.outlierRule) || switch (v.diag) {
			case LUNG_CANCER, CORONARY, STROKE, HYPERTENSION, PREGNANCY_CHECK, BIRTH -> true;
			default -> false;
		};
	}

	static boolean hvmcEligible(Visit v) {
		return v.inpatient() && !Implants.options(v.diag, v.provider).isEmpty();
	}

	/** Call once per eligible settlement: whether this one gets the test. */
	boolean takeGenetic(Provider p) {
		int i = p.index;
		long j = ++geneticSeen[i];
		long want = geneticEligible[i] == 0 ? 0 : geneticPlanned[i] * j / geneticEligible[i];
		if (want > geneticDone[i]) {
			geneticDone[i]++;
			return true;
		}
		return false;
	}

	/** Call once per eligible settlement: the implant amount (cents) still due by this point of the plan. */
	long hvmcDue(Provider p) {
		int i = p.index;
		long j = ++hvmcSeen[i];
		long want = hvmcEligible[i] == 0 ? 0 : hvmcPlanned[i] * j / hvmcEligible[i];
		return want - hvmcDone[i];
	}

	void hvmcBilled(Provider p, long cents) {
		hvmcDone[p.index] += cents;
	}
}
