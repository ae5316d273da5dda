package org.fundguard.generator;

/** Bills of outpatient visits (普通门诊, 门诊慢特病), dialysis sessions and pharmacy purchases (药店购药). */
final class OutpatientBilling {

	private final ProcedurePlans plans;

	OutpatientBilling(ProcedurePlans plans) {
		this.plans = plans;
	}

	void bill(Claim c, int settleSecond) {
		Visit v = c.visit;
		int day = v.start;
		int from = Math.max(7, settleSecond / 3600 - 2);
		int to = Math.max(from + 1, settleSecond / 3600);
		if (v.dialysisSession) {
			session(c, day, from, to);
		}
		else {
			switch (v.type) {
				case GENERAL -> general(c, day, from, to);
				case CHRONIC -> chronic(c, day, from, to);
				default -> purchase(c, day, from, to);
			}
		}
		if (ProcedurePlans.geneticEligible(v) && plans.takeGenetic(v.provider)) {
			c.add(geneticTest(v.diag), day, c.time(from, to), 1);
		}
	}

	static Item geneticTest(Diagnosis dx) {
		return switch (dx) {
			case LUNG_CANCER -> Item.EGFR_TEST;
			case CORONARY, STROKE -> Item.CYP2C19_TEST;
			case HYPERTENSION -> Item.MTHFR_TEST;
			case PREGNANCY_CHECK, BIRTH -> Item.NIPT;
			default -> Item.GENE_PANEL;
		};
	}

	private static void consult(Claim c, int day, int from, int to) {
		boolean senior = c.visit.provider.tier == Tier.H3 && c.chance(0.3);
		c.add(senior ? Item.SENIOR_CONSULT : Item.GP_CONSULT, day, c.time(from, to), 1);
	}

	private static void general(Claim c, int day, int from, int to) {
		consult(c, day, from, to);
		switch (c.visit.diag) {
			case URI -> {
				c.add(Item.LIANHUA, day, c.time(from, to), c.units(1, 2));
				if (c.chance(0.5)) {
					c.add(Item.BANLANGEN, day, c.time(from, to), 1);
				}
			}
			case FEVER -> {
				c.add(Item.BLOOD_COUNT, day, c.time(from, to), 1);
				c.add(Item.IBUPROFEN, day, c.time(from, to), 1);
			}
			case GASTRITIS -> c.add(Item.OMEPRAZOLE, day, c.time(from, to), c.units(1, 2));
			case LOW_BACK_PAIN -> c.add(Item.DICLOFENAC, day, c.time(from, to), c.units(1, 2));
			case PNEUMONIA, BRONCHOPNEUMONIA -> {
				c.add(Item.BLOOD_COUNT, day, c.time(from, to), 1);
				c.add(Item.CHEST_CT, day, c.time(from, to), 1);
				c.add(Item.AMOXICILLIN, day, c.time(from, to), c.units(1, 2));
			}
			case PREGNANCY_CHECK -> {
				c.add(Item.ULTRASOUND, day, c.time(from, to), 1);
				c.add(Item.BLOOD_COUNT, day, c.time(from, to), 1);
			}
			default -> c.add(Item.IBUPROFEN, day, c.time(from, to), 1);
		}
	}

	private static void chronic(Claim c, int day, int from, int to) {
		consult(c, day, from, to);
		switch (c.visit.diag) {
			case HYPERTENSION -> {
				c.add(Item.AMLODIPINE, day, c.time(from, to), c.units(1, 3));
				if (c.chance(0.2)) {
					c.add(Item.ECG, day, c.time(from, to), 1);
				}
			}
			case DIABETES -> {
				c.add(Item.METFORMIN, day, c.time(from, to), c.units(2, 4));
				if (c.chance(0.5)) {
					c.add(Item.GLARGINE, day, c.time(from, to), c.units(1, 3));
				}
				if (c.chance(0.25)) {
					c.add(Item.HBA1C, day, c.time(from, to), 1);
				}
			}
			case CORONARY -> {
				c.add(Item.ASPIRIN, day, c.time(from, to), 1);
				c.add(Item.ATORVASTATIN, day, c.time(from, to), c.units(2, 4));
				c.add(Item.CLOPIDOGREL, day, c.time(from, to), c.units(2, 4));
				if (c.chance(0.3)) {
					c.add(Item.DANSHEN, day, c.time(from, to), 1);
				}
			}
			case COPD -> c.add(Item.TIOTROPIUM, day, c.time(from, to), c.units(1, 2));
			case LUNG_CANCER -> {
				c.add(Item.GEFITINIB, day, c.time(from, to), c.units(1, 3));
				if (c.chance(0.3)) {
					c.add(Item.CHEST_CT, day, c.time(from, to), 1);
				}
			}
			default -> c.add(Item.IBUPROFEN, day, c.time(from, to), 1);
		}
	}

	private static void session(Claim c, int day, int from, int to) {
		// haemodiafiltration once a fortnight instead of plain haemodialysis
		boolean filtration = ExportPeriod.dayOfWeek(day) <= 2 && (day / 7) % 2 == 0;
		c.add(filtration ? Item.HAEMODIAFILTRATION : Item.HAEMODIALYSIS, day, c.time(from, to), 1);
		c.add(Item.DIALYSER, day, c.time(from, to), 1);
		c.add(Item.DIALYSIS_LINES, day, c.time(from, to), 1);
		c.addFraction(Item.HEPARIN, day, c.time(from, to), Bill.UNIT * 3 / 5);
		c.add(Item.EPOETIN, day, c.time(from, to), 1);
		if (c.chance(0.25)) {
			c.add(Item.IRON_SUCROSE, day, c.time(from, to), 1);
		}
	}

	private static void purchase(Claim c, int day, int from, int to) {
		switch (c.visit.diag) {
			case HYPERTENSION -> c.add(Item.AMLODIPINE, day, c.time(from, to), c.units(1, 3));
			case DIABETES -> {
				c.add(Item.METFORMIN, day, c.time(from, to), c.units(2, 4));
				if (c.chance(0.3)) {
					c.add(Item.GLARGINE, day, c.time(from, to), c.units(1, 2));
				}
			}
			case CORONARY -> {
				c.add(Item.ASPIRIN, day, c.time(from, to), 1);
				c.add(Item.DANSHEN, day, c.time(from, to), 1);
			}
			case COPD -> c.add(Item.TIOTROPIUM, day, c.time(from, to), 1);
			case LUNG_CANCER -> c.add(Item.GEFITINIB, day, c.time(from, to), 1);
			case URI -> {
				c.add(Item.LIANHUA, day, c.time(from, to), c.units(1, 2));
				if (c.chance(0.4)) {
					c.add(Item.BANLANGEN, day, c.time(from, to), 1);
				}
			}
			case GASTRITIS -> c.add(Item.OMEPRAZOLE, day, c.time(from, to), c.units(1, 2));
			case LOW_BACK_PAIN -> c.add(Item.DICLOFENAC, day, c.time(from, to), c.units(1, 2));
			default -> c.add(Item.IBUPROFEN, day, c.time(from, to), 1);
		}
	}
}
