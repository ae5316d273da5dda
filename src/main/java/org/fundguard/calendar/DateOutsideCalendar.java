package org.fundguard.calendar;

import java.time.LocalDate;

import org.fundguard.errors.Refused;

/**
 * A working-day computation reached a date in a year the calendar does not hold. It is refused, never worked around:
 * counting weekends only would silently miss the Spring Festival and every 调休 Saturday. Until the State Council's
 * schedule for that year is added, no deadline in it can be given (503).
 */
public class DateOutsideCalendar extends Refused {

	static final String KEY = "calendar.year-not-covered";

	DateOutsideCalendar(LocalDate date, Iterable<Integer> covered) {
		super(Reason.UNAVAILABLE, KEY, null, date.getYear(), date, covered);
	}
}
