package org.fundguard.calendar.data;

import java.time.OffsetDateTime;
import java.util.List;

import org.fundguard.calendar.DeadlineRecomputations.Recomputation;

/** One entry of the calendar's change log: who changed which years when, what, and the running deadlines it moved. */
public record CalendarChange(long id, OffsetDateTime changedAt, String changedBy, String changedByName, String years,
		String action, String detail, List<Recomputation> recomputations) {

	public CalendarChange {
		recomputations = List.copyOf(recomputations);
	}

	CalendarChange withRecomputations(List<Recomputation> moved) {
		return new CalendarChange(id, changedAt, changedBy, changedByName, years, action, detail, moved);
	}
}
