package org.fundguard.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimsSchema.Settlements;

/** A settlement on a person's timeline: an inpatient stay, or a one-day visit. */
record Stay(String settlementId, String personId, String provider, LocalDate start, LocalDate end, String diag3,
		double fundPaid) {

	static final String FIELDS = Q.fields(Settlements.SETTLEMENT_ID, Settlements.PERSON_ID, Settlements.PROVIDER_CODE,
			Settlements.VISIT_START, Settlements.VISIT_END, Settlements.DIAG3, Settlements.FUND_PAID);

	static Stay of(JsonNode s) {
		return new Stay(s.path(Settlements.SETTLEMENT_ID).asText(), s.path(Settlements.PERSON_ID).asText(),
				s.path(Settlements.PROVIDER_CODE).asText(), LocalDate.parse(s.path(Settlements.VISIT_START).asText()),
				LocalDate.parse(s.path(Settlements.VISIT_END).asText()), s.path(Settlements.DIAG3).asText(),
				s.path(Settlements.FUND_PAID).asDouble());
	}

	/** Nights both stays share: min(ends) − max(starts); a same-day transfer shares none. */
	static long sharedNights(Stay a, Stay b) {
		LocalDate end = a.end.isBefore(b.end) ? a.end : b.end;
		LocalDate start = a.start.isAfter(b.start) ? a.start : b.start;
		return ChronoUnit.DAYS.between(start, end);
	}

	/** Days from this stay's discharge to the later admission. */
	long daysUntil(Stay later) {
		return ChronoUnit.DAYS.between(end, later.start);
	}

	/** Strictly inside the stay: after the admission day and before the discharge day. */
	boolean strictlyContains(LocalDate day) {
		return day.isAfter(start) && day.isBefore(end);
	}

	String month() {
		return start.toString().substring(0, 7);
	}
}
