package org.fundguard.calendar;

/**
 * Where the working calendar's days come from: the bureau's database in the application (kept by its
 * administrators), the shipped seed file in unit tests.
 */
public interface CalendarSource {

	/** The calendar as it stands now; cheap to call, since every working-day computation asks. */
	CalendarDays current();
}
