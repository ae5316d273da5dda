package org.fundguard.generator;

import java.io.IOException;

/**
 * The ground-truth rows of the patterns injected while planning a person's care, written once the person's
 * settlements have their ids. Subject keys follow the conventions of the ground truth exactly.
 */
final class PersonTruths {

	private PersonTruths() {
	}

	static void emit(Person p, CarePlanner.CarePlan plan, int previousVisits, ExportPeriod period, ExportSink sink)
			throws IOException {
		for (Visit v : plan.visits()) {
			Visit s = v.partner;
			switch (v.role) {
				case READMISSION -> sink.truth("readmission", v.settlementId,
						String.format("admitted %s, %d days after discharge %s from %s (%s, then %s)", period.date(v.start),
								v.start - s.end, s.settlementId, v.provider.code, s.diag.code, v.diag.code));
				case OVERLAP -> sink.truth("overlapping-stays", pair(s.settlementId, v.settlementId),
						String.format("%s %s..%s at %s and %s..%s at %s", p.personId, period.date(s.start),
								period.date(s.end), s.provider.code, period.date(v.start), period.date(v.end),
								v.provider.code));
				case DURING_STAY -> sink.truth("outpatient-during-stay", v.settlementId,
						String.format("med_type %s at %s on %s, inside stay %s at %s (%s..%s)", v.type.code,
								v.provider.code, period.date(v.start), s.settlementId, s.provider.code,
								period.date(s.start), period.date(s.end)));
				case AFTER_DEATH -> sink.truth("after-death", v.settlementId, String.format("visit %s, death_date %s",
						period.date(v.start), p.death));
				default -> {
				}
			}
		}
		for (String[] week : plan.dialysisWeeks()) {
			sink.truth("dialysis-frequency", week[0], week[1]);
		}
		Person first = p.twinOf;
		if (first != null && !p.twinDecoy && previousVisits > 0 && !plan.visits().isEmpty()) {
			sink.truth("duplicate-enrollment", pair(first.personId, p.personId),
					String.format("id_number shared by %s (%s|%s, enrolled %s) and %s (%s|%s, enrolled %s)",
							first.personId, first.insured.pooling, first.insuranceType, first.enroll, p.personId,
							p.insured.pooling, p.insuranceType, p.enroll));
		}
	}

	static String pair(String a, String b) {
		return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
	}
}
