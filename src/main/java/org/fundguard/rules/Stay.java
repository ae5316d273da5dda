package org.fundguard.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;

/** A settlement on a person's timeline: an inpatient stay, or a one-day visit. */
record Stay(String settlementId, String personId, String provider, LocalDate start, LocalDate end, String diag3,
		double fundPaid) {

	static final String FIELDS = "[\"settlement_id\",\"person_id\",\"provider_code\",\"visit_start\",\"visit_end\",\"diag3\",\"fund_paid\"]";

	static Stay of(JsonNode s) {
		return new Stay(s.path("settlement_id").asText(), s.path("person_id").asText(), s.path("provider_code").asText(),
				LocalDate.parse(s.path("visit_start").asText()), LocalDate.parse(s.path("visit_end").asText()),
				s.path("diag3").asText(), s.path("fund_paid").asDouble());
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
