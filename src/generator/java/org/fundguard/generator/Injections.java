package org.fundguard.generator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rates at which each monitoring rule's pattern is injected, per opportunity, plus the decoys: near misses
 * that an exact implementation of a rule must NOT report (a same-day transfer, a readmission after 16 days, a unit
 * price exactly 0.01 over the ceiling, ...). One instance per pass, so both passes decide alike.
 */
final class Injections {

	// person and stay patterns, decided while planning care
	final InjectionQuota readmission = new InjectionQuota("readmission", 0.03);
	final InjectionQuota overlappingStays = new InjectionQuota("overlapping-stays", 0.02);
	final InjectionQuota outpatientDuringStay = new InjectionQuota("outpatient-during-stay", 0.03);
	final InjectionQuota afterDeath = new InjectionQuota("after-death", 0.4);
	final InjectionQuota dialysisFrequency = new InjectionQuota("dialysis-frequency", 0.35);
	final InjectionQuota duplicateEnrollment = new InjectionQuota("duplicate-enrollment", 0.0025);

	// line patterns, decided while billing
	final InjectionQuota restrictedDiagnosis = new InjectionQuota("restricted-diagnosis", 0.002);
	final InjectionQuota priceOverCeiling = new InjectionQuota("price-over-ceiling", 0.0015);
	final InjectionQuota quantityOverLimit = new InjectionQuota("quantity-over-limit", 0.002);
	final InjectionQuota missingProcedure = new InjectionQuota("missing-procedure", 0.2);

	// decoys
	final InjectionQuota transferDecoy = new InjectionQuota("same-day transfer to another hospital", 0.01);
	final InjectionQuota readmissionDecoy = new InjectionQuota("readmission-like stay that is not one", 0.015);
	final InjectionQuota duringStayDecoy = new InjectionQuota("outpatient on an admission or discharge day", 0.01);
	final InjectionQuota afterDeathDecoy = new InjectionQuota("settlement on the day of death", 0.2);
	final InjectionQuota dialysisDecoy = new InjectionQuota("second dialysis settlement on one day", 0.2);
	final InjectionQuota duplicateDecoy = new InjectionQuota("one id_number, consecutive coverage", 0.001);
	final InjectionQuota priceDecoy = new InjectionQuota("unit price exactly 0.01 over the ceiling", 0.0005);
	final InjectionQuota quantityDecoy = new InjectionQuota("quantity exactly at the limit, over two lines", 0.001);

	private final Map<String, Long> decoysMade = new LinkedHashMap<>();

	void decoy(InjectionQuota quota) {
		decoysMade.merge(quota.name, 1L, Long::sum);
	}

	Map<String, Object> rates() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("dialysis-frequency", "per dialysis patient: " + dialysisFrequency.rate);
		m.put("restricted-diagnosis", "per hospital settlement: " + restrictedDiagnosis.rate);
		m.put("outpatient-during-stay", "per stay of 2+ nights: " + outpatientDuringStay.rate);
		m.put("overlapping-stays", "per stay of 3+ nights: " + overlappingStays.rate);
		m.put("after-death", "per person dead and still enrolled: " + afterDeath.rate);
		m.put("price-over-ceiling", "per settlement with a ceiling-priced line: " + priceOverCeiling.rate);
		m.put("quantity-over-limit", "per settlement with a quantity-limited item: " + quantityOverLimit.rate);
		m.put("missing-procedure", "per implant event (stents, hip prosthesis): " + missingProcedure.rate);
		m.put("readmission", "per stay followed by 17+ days of the period: " + readmission.rate);
		m.put("duplicate-enrollment", "per adult insured in Shandong: " + duplicateEnrollment.rate);
		m.put("peer outliers", "one provider per rule in the jurisdiction");
		m.put("expenditure-growth", "one fund-month, when the period has 13+ months");
		m.put("reserve-months", "one fund whose reserve dips below the threshold, when the period has 13+ months");
		return m;
	}

	Map<String, Long> decoys() {
		return decoysMade;
	}
}
