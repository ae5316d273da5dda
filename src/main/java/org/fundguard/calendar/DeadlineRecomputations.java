package org.fundguard.calendar;

import java.util.Date;
import java.util.List;

/** The log of running deadlines a calendar change moved: which one, from when to when, and the change that did it. */
public interface DeadlineRecomputations {

	/**
	 * Records that a running deadline moved because of the change.
	 *
	 * @param subject what the deadline belongs to, e.g. {@code 案件 370300-2026-000012} or a process instance's key
	 * @param deadline which deadline, e.g. {@code 立案审查期限} or {@code 定时器 Event_FilingOverdue}
	 */
	void record(CalendarChanged cause, String subject, String deadline, Date from, Date to);

	/** The recomputations of one change, in the order they were made. */
	List<Recomputation> of(long changeId);

	record Recomputation(long changeId, String subject, String deadline, java.time.OffsetDateTime from,
			java.time.OffsetDateTime to) {
	}
}
