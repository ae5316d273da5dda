package org.fundguard.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole calendar at one moment: the covered years with their status and every special day. Immutable, so a
 * working-day computation reads one consistent version even while an administrator changes the calendar.
 */
public final class CalendarDays {

	private final Map<Integer, CalendarYear> years;
	private final Map<LocalDate, CalendarDay> days;

	public CalendarDays(Collection<CalendarYear> years) {
		Map<Integer, CalendarYear> y = new TreeMap<>();
		Map<LocalDate, CalendarDay> d = new TreeMap<>();
		for (CalendarYear year : years) {
			y.put(year.year(), year);
			for (CalendarDay day : year.days()) {
				if (day.date().getYear() != year.year() || d.put(day.date(), day) != null) {
					throw new IllegalArgumentException("day " + day.date() + " is outside year " + year.year() + " or twice in it");
				}
			}
		}
		this.years = java.util.Collections.unmodifiableMap(y);
		this.days = java.util.Collections.unmodifiableMap(d);
	}

	public boolean covers(int year) {
		return years.containsKey(year);
	}

	public Map<Integer, CalendarYear> years() {
		return years;
	}

	/** The special day on that date, or null for an ordinary one. */
	public CalendarDay day(LocalDate date) {
		return days.get(date);
	}

	public List<CalendarDay> daysOf(int year) {
		CalendarYear y = years.get(year);
		return y == null ? List.of() : y.days();
	}
}
