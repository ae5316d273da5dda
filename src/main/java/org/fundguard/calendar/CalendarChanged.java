package org.fundguard.calendar;

import java.util.Set;

/**
 * An administrator changed the days or the status of these years. Published inside the change's transaction: a module
 * that stores deadlines counted in working days recomputes those still running (a synchronous listener), and records
 * each one it moves through {@link DeadlineRecomputations}; the process engine's timers and due dates follow when the
 * transaction commits.
 *
 * @param changeId the row of the calendar's change log that explains the recomputations
 * @param summary what changed, in Chinese, as the change log says it
 */
public record CalendarChanged(long changeId, Set<Integer> years, String summary) {

	public CalendarChanged {
		years = Set.copyOf(years);
	}
}
