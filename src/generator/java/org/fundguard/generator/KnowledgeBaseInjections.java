package org.fundguard.generator;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Cases of the ten knowledge-base rules, and their near misses, injected into the background at known rates
 * ({@link InjectionQuota}: no random draws decide whether, so both billing passes inject alike). Plan-level cases
 * change a person's visits or coverage right after planning (so that every pass and every tally sees them); line
 * cases add lines to a finished bill. Only jurisdiction settlements and persons get them, and none of them touches
 * what a first-catalogue rule reads: the added items carry no ceiling over the price, no quantity limit, no diagnosis
 * restriction, no tag; the visits copied or re-diagnosed are background ones outside stays, of providers that are no
 * designed peer outlier. The ground truth itself is evaluated afterwards ({@link KnowledgeBaseTruths}).
 */
final class KnowledgeBaseInjections {

	final InjectionQuota split = new InjectionQuota("split-outpatient", 0.0015);
	final InjectionQuota splitDecoy = new InjectionQuota("exactly N general-outpatient settlements on one day", 0.001);
	final InjectionQuota minorIllness = new InjectionQuota("minor-illness-admission", 0.04);
	final InjectionQuota notEnrolled = new InjectionQuota("not-enrolled", 0.004);
	final InjectionQuota enrolledLate = new InjectionQuota("not-enrolled (enrolled after the visit)", 0.002);
	final InjectionQuota coverageDecoy = new InjectionQuota("coverage ending on the visit day", 0.003);
	final InjectionQuota afterDeath = new InjectionQuota("enrolled-after-death", 0.08);
	final InjectionQuota afterDeathDecoy = new InjectionQuota("coverage ending exactly G days after the death", 0.08);
	final InjectionQuota gender = new InjectionQuota("gender-restricted", 0.002);
	final InjectionQuota age = new InjectionQuota("age-restricted", 0.002);
	final InjectionQuota medType = new InjectionQuota("med-type-restricted", 0.002);
	final InjectionQuota daily = new InjectionQuota("daily-frequency", 0.002);
	final InjectionQuota dailyDecoy = new InjectionQuota("quantity exactly the daily limit, over two lines", 0.001);
	final InjectionQuota exclusive = new InjectionQuota("exclusive-items", 0.002);
	final InjectionQuota exclusiveDecoy = new InjectionQuota("one of an exclusive pair alone", 0.001);

	private final Map<String, Long> decoys = new LinkedHashMap<>();

	/** Changes right after a person's care is planned: copies of a visit, a re-diagnosed stay, the coverage. */
	void plan(Person p, List<Visit> visits, ExportPeriod period) {
		splitVisits(visits);
		minorIllnessStays(visits);
		coverage(p, visits, period);
	}

	private void splitVisits(List<Visit> visits) {
		for (int i = 0; i < visits.size(); i++) {
			Visit v = visits.get(i);
			if (v.type != Visit.MedType.GENERAL || v.role != Visit.Role.BACKGROUND || v.dialysisSession
					|| v.provider.outlierRule != null || !KnowledgeBaseTruths.inJurisdiction(v.provider.medicalRegion())
					|| sameDay(visits, v)) {
				continue;
			}
			int copies = split.take() ? KnowledgeBase.SPLIT_N : splitDecoy.take() ? KnowledgeBase.SPLIT_N - 1 : 0;
			if (copies == KnowledgeBase.SPLIT_N - 1) {
				decoy(splitDecoy);
			}
			for (int k = 0; k < copies; k++) {
				Visit copy = new Visit(v.type, v.start, v.end, v.diag);
				copy.provider = v.provider;
				copy.outOfArea = v.outOfArea;
				copy.order = v.order;
				visits.add(++i, copy);
			}
		}
	}

	/** Whether another general-outpatient visit of the person is at the same provider on the same day. */
	private static boolean sameDay(List<Visit> visits, Visit v) {
		for (Visit o : visits) {
			if (o != v && o.type == v.type && o.start == v.start && o.provider == v.provider) {
				return true;
			}
		}
		return false;
	}

	/** A pneumonia stay admitted as an upper respiratory infection or low back pain (小病大治). */
	private void minorIllnessStays(List<Visit> visits) {
		Set<Visit> partners = new HashSet<>();
		for (Visit v : visits) {
			if (v.partner != null) {
				partners.add(v.partner);
			}
		}
		for (Visit v : visits) {
			if (v.inpatient() && v.role == Visit.Role.BACKGROUND && v.partner == null && !partners.contains(v)
					&& (v.diag == Diagnosis.PNEUMONIA || v.diag == Diagnosis.BRONCHOPNEUMONIA)
					&& v.provider.outlierRule == null && KnowledgeBaseTruths.inJurisdiction(v.provider.medicalRegion())
					&& minorIllness.take()) {
				v.diag = minorIllness.taken() % 2 == 0 ? Diagnosis.LOW_BACK_PAIN : Diagnosis.URI;
			}
		}
	}

	/**
	 * Coverage that ends the day before the last visit (not-enrolled) or on it (a near miss), or starts the day after
	 * the first; and for a reported death, coverage ending G + 1 days after it (enrolled-after-death) or exactly G.
	 * Only for persons with no other coverage pattern: no duplicate enrolment, no death still enrolled.
	 */
	private void coverage(Person p, List<Visit> visits, ExportPeriod period) {
		if (!KnowledgeBaseTruths.inJurisdiction(p.insured.pooling) || p.twinOf != null || p.mustSettle) {
			return;
		}
		if (p.death != null) {
			if (p.death.equals(p.end)) {
				if (afterDeath.take()) {
					p.end = p.death.plusDays(KnowledgeBase.DEATH_GRACE_DAYS + 1);
				}
				else if (afterDeathDecoy.take()) {
					p.end = p.death.plusDays(KnowledgeBase.DEATH_GRACE_DAYS);
					decoy(afterDeathDecoy);
				}
			}
			return;
		}
		if (p.end != null || visits.isEmpty()) {
			return;
		}
		int first = Integer.MAX_VALUE;
		int last = Integer.MIN_VALUE;
		for (Visit v : visits) {
			first = Math.min(first, v.start);
			last = Math.max(last, v.start);
		}
		long enroll = p.enroll.toEpochDay();
		if (last - 1 >= enroll && notEnrolled.take()) {
			p.end = java.time.LocalDate.ofEpochDay(last - 1);
		}
		else if (coverageDecoy.take()) {
			p.end = java.time.LocalDate.ofEpochDay(last);
			decoy(coverageDecoy);
		}
		else if (first + 1 > enroll && first < last && enrolledLate.take()) {
			p.enroll = java.time.LocalDate.ofEpochDay(first + 1);
		}
	}

	/** At most one case per settlement treated in the jurisdiction, after the first catalogue's line patterns. */
	void lines(Claim c, SplittableRandom rng) {
		Visit v = c.visit;
		if (v.extraLines != null) {
			v.extraLines.accept(c);
			return;
		}
		if (!KnowledgeBaseTruths.inJurisdiction(v.provider.medicalRegion()) || v.dialysisSession) {
			return;
		}
		Person p = c.person;
		boolean pharmacy = v.type == Visit.MedType.PHARMACY;
		int years = KnowledgeBaseTruths.age(p, v.start);
		int day = v.start;
		int second = 9 * 3600 + rng.nextInt(8 * 3600);
		if (pharmacy) {
			return;
		}
		if (gender.take()) {
			if (p.female()) {
				c.add(Item.PSA, day, second, 1);
			}
			else if (years >= 14) {
				c.add(Item.COLPOSCOPY, day, second, 1);
			}
		}
		else if (age.take()) {
			c.add(years >= 18 ? Item.PAEDIATRIC_SYRUP : Item.GERIATRIC_ASSESSMENT, day, second, 1);
		}
		else if (!v.inpatient() && medType.take()) {
			c.add(Item.WARD_ROUND, day, second, 1);
		}
		else if (daily.take()) {
			Item item = v.inpatient() ? Item.BED : Item.IM_INJECTION;
			if (item == Item.BED) {
				c.add(Item.BED, day, second, 1);
			}
			else {
				c.add(item, day, second, 2);
				c.add(item, day, second + 60, 2);
			}
		}
		else if (!v.inpatient() && dailyDecoy.take()) {
			c.add(Item.IM_INJECTION, day, second, 2);
			c.add(Item.IM_INJECTION, day, second + 60, 1);
			decoy(dailyDecoy);
		}
		else if (exclusive.take()) {
			c.add(v.inpatient() ? Item.FIRST_NURSING : Item.CBC_CRP, day, second, 1);
			if (!v.inpatient() && c.bill.quantity(Item.BLOOD_COUNT) == 0) {
				c.add(Item.BLOOD_COUNT, day, second, 1);
			}
		}
		else if (!v.inpatient() && exclusiveDecoy.take() && c.bill.quantity(Item.BLOOD_COUNT) == 0) {
			c.add(Item.CBC_CRP, day, second, 1);
			decoy(exclusiveDecoy);
		}
	}

	private void decoy(InjectionQuota quota) {
		decoys.merge(quota.name, 1L, Long::sum);
	}

	Map<String, Object> rates() {
		Map<String, Object> m = new LinkedHashMap<>();
		for (InjectionQuota q : List.of(gender, age, medType, daily, exclusive)) {
			m.put(q.name, "per settlement treated in the jurisdiction: " + q.rate);
		}
		m.put(minorIllness.name, "per background pneumonia stay in the jurisdiction: " + minorIllness.rate);
		m.put(split.name, "per background general-outpatient visit in the jurisdiction: " + split.rate);
		m.put(notEnrolled.name, "per living person insured in the jurisdiction without end_date: " + notEnrolled.rate
				+ ", and enrolled the day after the first visit: " + enrolledLate.rate);
		m.put(afterDeath.name, "per reported death (end_date = death_date) insured in the jurisdiction: "
				+ afterDeath.rate + "; plus every unreported death the background has");
		m.put("current-deficit", "not injected: the ledger's income follows a random walk of the reserve, and every "
				+ "complete calendar year of a jurisdiction fund whose income is below its expenditure is listed");
		m.put("edge cases", "crafted persons: see KnowledgeBaseEdgeCases");
		return m;
	}

	Map<String, Long> decoys() {
		return decoys;
	}
}
