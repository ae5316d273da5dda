package org.fundguard.generator;

/**
 * The daily bill of a hospital stay (住院费用清单): admission tests, bed, nursing and ward round every day, the
 * drugs the diagnosis calls for, dialysis on the patient's dialysis weekdays, and the procedure of the case. Every
 * background line respects the catalogue's limits; the planned genetic tests and implants come from the plans.
 */
final class InpatientBilling {

	private final ProcedurePlans plans;
	private final Injections injections;

	InpatientBilling(ProcedurePlans plans, Injections injections) {
		this.plans = plans;
		this.injections = injections;
	}

	void bill(Claim c) {
		Visit v = c.visit;
		Diagnosis dx = v.diag;
		int first = v.start;
		int nights = Math.max(1, v.end - v.start);
		int procedureDay = Math.min(first + 1, v.end);
		c.add(Item.BLOOD_COUNT, first, c.time(8, 10), 1);
		c.add(Item.URINALYSIS, first, c.time(8, 10), 1);
		c.add(Item.CHEMISTRY, first, c.time(8, 10), 1);
		c.add(Item.ECG, first, c.time(9, 11), 1);
		switch (dx) {
			case PNEUMONIA, BRONCHOPNEUMONIA, COPD, COPD_EXACERBATION, LUNG_CANCER, STROKE ->
				c.add(Item.CHEST_CT, first, c.time(10, 12), 1);
			default -> {
			}
		}
		int pattern = dx == Diagnosis.CKD5 ? c.person.dialysisPattern : 0;
		for (int i = 0; i < nights; i++) {
			int day = first + i;
			c.add(Item.BED, day, c.time(7, 8), 1);
			c.add(Item.NURSING, day, c.time(8, 9), 1);
			c.add(Item.WARD_ROUND, day, c.time(8, 9), 1);
			daily(c, dx, day);
			if (i > 0 && i % 3 == 0) {
				c.add(Item.BLOOD_COUNT, day, c.time(6, 8), 1);
				c.add(Item.CHEMISTRY, day, c.time(6, 8), 1);
			}
			if (dx.renal() && DialysisSchedule.dialysisDay(pattern, day)) {
				dialysis(c, day);
			}
		}
		once(c, dx, first, procedureDay, v.end);
		implant(c, procedureDay);
		if (ProcedurePlans.geneticEligible(v) && plans.takeGenetic(v.provider)) {
			c.add(OutpatientBilling.geneticTest(dx), procedureDay, c.time(9, 12), 1);
		}
	}

	private static void daily(Claim c, Diagnosis dx, int day) {
		switch (dx) {
			case PNEUMONIA, BRONCHOPNEUMONIA, COPD, COPD_EXACERBATION, APPENDICITIS -> {
				c.add(Item.CEFTRIAXONE, day, c.time(9, 10), 2);
				drip(c, day, 2);
				if (dx != Diagnosis.APPENDICITIS && c.chance(0.5)) {
					c.addFraction(Item.OXYGEN, day, c.time(10, 20), (5 + c.rng.nextInt(12)) * Bill.UNIT / 2);
				}
			}
			case STROKE -> {
				c.addFraction(Item.BUTYLPHTHALIDE, day, c.time(8, 9), Bill.UNIT / 4);
				c.add(Item.XUESAITONG, day, c.time(9, 10), 2);
				c.add(Item.ECG_MONITORING, day, c.time(7, 8), 24);
				drip(c, day, 1);
				if (c.chance(0.3)) {
					c.add(Item.ALBUMIN, day, c.time(10, 12), 1);
				}
			}
			case CORONARY, ACUTE_KIDNEY_FAILURE -> {
				c.addFraction(Item.HEPARIN, day, c.time(9, 10), Bill.UNIT / 2);
				c.add(Item.ECG_MONITORING, day, c.time(7, 8), 24);
				drip(c, day, 1);
			}
			case LUNG_CANCER -> {
				drip(c, day, 2);
				if (c.chance(0.5)) {
					c.add(Item.AMINO_ACIDS, day, c.time(10, 12), 1);
				}
				if (c.chance(0.3)) {
					c.add(Item.ALBUMIN, day, c.time(10, 12), 1);
				}
			}
			case HIP_ARTHROSIS -> {
				c.add(Item.CEFTRIAXONE, day, c.time(9, 10), 1);
				drip(c, day, 1);
			}
			default -> drip(c, day, 1);
		}
	}

	private static void drip(Claim c, int day, int bags) {
		c.add(Item.SALINE, day, c.time(9, 11), bags);
		c.add(Item.INFUSION, day, c.time(9, 11), 1);
		c.add(Item.INFUSION_SET, day, c.time(9, 11), 1);
	}

	static void dialysis(Claim c, int day) {
		c.add(Item.HAEMODIALYSIS, day, c.time(8, 12), 1);
		c.add(Item.DIALYSER, day, c.time(8, 12), 1);
		c.add(Item.DIALYSIS_LINES, day, c.time(8, 12), 1);
		c.addFraction(Item.HEPARIN, day, c.time(8, 12), Bill.UNIT * 3 / 5);
		c.add(Item.EPOETIN, day, c.time(12, 13), 1);
	}

	private void once(Claim c, Diagnosis dx, int first, int procedureDay, int last) {
		switch (dx) {
			case CORONARY -> {
				c.add(Item.ASPIRIN, first, c.time(10, 12), 1);
				c.add(Item.CLOPIDOGREL, first, c.time(10, 12), 2);
				c.add(Item.ATORVASTATIN, first, c.time(10, 12), 2);
				c.add(Item.NITROGLYCERIN, first, c.time(10, 12), 1);
			}
			case HIP_ARTHROSIS -> c.add(Item.DICLOFENAC, last, c.time(9, 11), 1);
			case APPENDICITIS -> {
				c.add(Item.APPENDECTOMY, procedureDay, c.time(9, 15), 1);
				c.add(Item.CATHETER, procedureDay, c.time(9, 15), 1);
			}
			case BIRTH -> {
				c.add(Item.DELIVERY, first, c.time(0, 23), 1);
				c.add(Item.OXYTOCIN, first, c.time(0, 23), 1);
			}
			case LUNG_CANCER -> {
				c.add(Item.PEMETREXED, procedureDay, c.time(9, 12), 1);
				c.add(Item.GEFITINIB, last, c.time(9, 11), 1);
			}
			case DIABETES -> {
				c.add(Item.HBA1C, first, c.time(8, 10), 1);
				c.add(Item.GLARGINE, first, c.time(10, 12), 2);
				c.add(Item.METFORMIN, last, c.time(9, 11), 2);
			}
			case HYPERTENSION -> {
				c.add(Item.ULTRASOUND, first, c.time(10, 12), 1);
				c.add(Item.AMLODIPINE, last, c.time(9, 11), 1);
			}
			case STROKE -> {
				c.add(Item.HEAD_MRI, first, c.time(10, 16), 1);
				c.add(Item.ASPIRIN, first, c.time(10, 12), 1);
				c.add(Item.ATORVASTATIN, first, c.time(10, 12), 2);
				c.add(Item.CLOPIDOGREL, last, c.time(9, 11), 2);
			}
			case COPD, COPD_EXACERBATION -> c.add(Item.TIOTROPIUM, last, c.time(9, 11), 1);
			case CKD5, ACUTE_KIDNEY_FAILURE -> c.add(Item.IRON_SUCROSE, first, c.time(10, 12), 1);
			default -> {
			}
		}
	}

	/** High-value consumables as the plan asks; an implant sometimes without its procedure (missing-procedure). */
	private void implant(Claim c, int day) {
		if (!ProcedurePlans.hvmcEligible(c.visit)) {
			return;
		}
		Implants.Option o = Implants.choose(c, plans.hvmcDue(c.visit.provider));
		if (o == null) {
			return;
		}
		boolean withoutProcedure = o.implant() && injections.missingProcedure.take();
		Implants.bill(c, o, day, withoutProcedure);
		plans.hvmcBilled(c.visit.provider, o.hvmcAmount());
		if (withoutProcedure) {
			for (Item item : o.consumables()) {
				if (item.requiredTags.length > 0 && !anyTag(c.bill, item.requiredTags)) {
					c.truth("missing-procedure", item, item.label + " billed without any of " + item.requires);
				}
			}
		}
	}

	static boolean anyTag(Bill bill, String[] tags) {
		for (String tag : tags) {
			if (bill.hasTag(tag)) {
				return true;
			}
		}
		return false;
	}
}
