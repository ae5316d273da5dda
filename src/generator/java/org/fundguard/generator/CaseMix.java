package org.fundguard.generator;

import java.util.SplittableRandom;

/** How often people of a given age and condition seek which care, and for what. Monthly rates. */
final class CaseMix {

	private CaseMix() {
	}

	static double staysPerMonth(Person p) {
		int a = p.age;
		double r = a < 5 ? 0.012 : a < 18 ? 0.005 : a < 45 ? 0.008 : a < 60 ? 0.014 : a < 75 ? 0.025 : 0.045;
		r += p.coronary ? 0.01 : 0;
		r += p.copd ? 0.015 : 0;
		r += p.lungCancer ? 0.12 : 0;
		r += p.dialysis ? 0.03 : 0;
		r += p.diabetes ? 0.004 : 0;
		r += p.female() && a >= 20 && a <= 40 ? 0.006 : 0;
		return r;
	}

	static double generalVisitsPerMonth(Person p) {
		return p.age < 7 ? 0.5 : p.age < 60 ? 0.25 : 0.4;
	}

	static double pharmacyPurchasesPerMonth(Person p) {
		return 0.2 + 0.3 * p.chronicCount();
	}

	/** The chronic conditions seen monthly in outpatient chronic-disease care (门诊慢特病), in a fixed order. */
	static Diagnosis[] chronicConditions(Person p) {
		Diagnosis[] all = new Diagnosis[5];
		int n = 0;
		if (p.hypertension) {
			all[n++] = Diagnosis.HYPERTENSION;
		}
		if (p.diabetes) {
			all[n++] = Diagnosis.DIABETES;
		}
		if (p.coronary) {
			all[n++] = Diagnosis.CORONARY;
		}
		if (p.copd) {
			all[n++] = Diagnosis.COPD;
		}
		if (p.lungCancer) {
			all[n++] = Diagnosis.LUNG_CANCER;
		}
		return java.util.Arrays.copyOf(all, n);
	}

	/** Why a person is admitted; the provider matters only for the injected coronary-implant outlier. */
	static Diagnosis admission(Person p, Provider provider, SplittableRandom rng) {
		if (p.dialysis) {
			return Diagnosis.CKD5;
		}
		if (ProviderDirectory.HVMC_OUTLIER.equals(provider.outlierRule) && p.age >= 35 && rng.nextDouble() < 0.7) {
			return Diagnosis.CORONARY;
		}
		int a = p.age;
		Diagnosis[] options = Diagnosis.values();
		double[] w = new double[options.length];
		w[Diagnosis.PNEUMONIA.ordinal()] = a < 7 || a >= 70 ? 6 : 3;
		w[Diagnosis.BRONCHOPNEUMONIA.ordinal()] = a < 7 ? 3 : 1;
		w[Diagnosis.STROKE.ordinal()] = a >= 50 ? (p.hypertension ? 3 : 2) : 0;
		w[Diagnosis.CORONARY.ordinal()] = p.coronary ? 4 : a >= 45 ? 0.5 : 0;
		w[Diagnosis.COPD.ordinal()] = p.copd ? 3 : 0;
		w[Diagnosis.COPD_EXACERBATION.ordinal()] = p.copd ? 3 : 0;
		w[Diagnosis.DIABETES.ordinal()] = p.diabetes ? 1.5 : 0;
		w[Diagnosis.HYPERTENSION.ordinal()] = p.hypertension ? 1 : 0;
		w[Diagnosis.APPENDICITIS.ordinal()] = a >= 6 && a <= 60 ? 1 : 0.2;
		w[Diagnosis.LUNG_CANCER.ordinal()] = p.lungCancer ? 10 : 0;
		w[Diagnosis.BIRTH.ordinal()] = p.female() && a >= 20 && a <= 40 ? 2 : 0;
		w[Diagnosis.HIP_ARTHROSIS.ordinal()] = a >= 55 ? 0.8 : 0;
		w[Diagnosis.ACUTE_KIDNEY_FAILURE.ordinal()] = a >= 50 ? 0.15 : 0;
		return pick(options, w, rng);
	}

	/** A minor illness seen in general outpatient care (普通门诊). */
	static Diagnosis minor(Person p, SplittableRandom rng) {
		double r = rng.nextDouble();
		if (p.female() && p.age >= 20 && p.age <= 40 && r < 0.06) {
			return Diagnosis.PREGNANCY_CHECK;
		}
		r = rng.nextDouble();
		if (p.age < 18) {
			return r < 0.6 ? Diagnosis.URI : r < 0.85 ? Diagnosis.FEVER : r < 0.95 ? Diagnosis.BRONCHOPNEUMONIA
					: Diagnosis.GASTRITIS;
		}
		return r < 0.4 ? Diagnosis.URI : r < 0.5 ? Diagnosis.FEVER : r < 0.68 ? Diagnosis.GASTRITIS
				: r < 0.88 ? Diagnosis.LOW_BACK_PAIN : Diagnosis.PNEUMONIA;
	}

	/** What a pharmacy purchase is recorded against: a chronic condition, else a minor complaint. */
	static Diagnosis purchase(Person p, SplittableRandom rng) {
		Diagnosis[] chronic = chronicConditions(p);
		if (chronic.length > 0 && rng.nextDouble() < 0.7) {
			return chronic[rng.nextInt(chronic.length)];
		}
		double r = rng.nextDouble();
		return r < 0.5 ? Diagnosis.URI : r < 0.75 ? Diagnosis.GASTRITIS : Diagnosis.LOW_BACK_PAIN;
	}

	private static Diagnosis pick(Diagnosis[] options, double[] weights, SplittableRandom rng) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double r = rng.nextDouble() * total;
		for (int i = 0; i < options.length; i++) {
			r -= weights[i];
			if (r < 0 && weights[i] > 0) {
				return options[i];
			}
		}
		return Diagnosis.PNEUMONIA;
	}
}
