package org.fundguard.generator;

import java.util.SplittableRandom;

/**
 * Provider peer groups as the monitoring rules see them: provider_type plus hospital grade. Also where patients
 * go for each kind of care, with shares that keep every group of the jurisdiction busy enough to be scored.
 */
enum Tier {

	H3("hospital", "3"), H2("hospital", "2"), H1("hospital", "1"), H0("hospital", "0"), CLINIC("clinic", ""),
	PHARMACY("pharmacy", "");

	final String type;
	final String level;

	Tier(String type, String level) {
		this.type = type;
		this.level = level;
	}

	boolean hospital() {
		return type.equals("hospital");
	}

	static Tier forInpatient(SplittableRandom rng) {
		double r = rng.nextDouble();
		return r < 0.32 ? H3 : r < 0.60 ? H2 : r < 0.82 ? H1 : H0;
	}

	static Tier forGeneralOutpatient(SplittableRandom rng) {
		double r = rng.nextDouble();
		return r < 0.45 ? CLINIC : r < 0.65 ? H3 : r < 0.83 ? H2 : r < 0.93 ? H1 : H0;
	}

	static Tier forChronicOutpatient(SplittableRandom rng) {
		double r = rng.nextDouble();
		return r < 0.35 ? H3 : r < 0.70 ? H2 : r < 0.88 ? H1 : H0;
	}

	static Tier forDialysis(SplittableRandom rng) {
		return rng.nextDouble() < 0.55 ? H3 : H2;
	}
}
