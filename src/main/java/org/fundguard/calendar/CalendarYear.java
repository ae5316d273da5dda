package org.fundguard.calendar;

import java.util.List;

/** One year of the calendar as the administrator sees it: its status, the notice it rests on, its special days. */
public record CalendarYear(int year, YearStatus status, String notice, List<CalendarDay> days) {

	public CalendarYear {
		days = List.copyOf(days);
	}

	public long holidays() {
		return days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
	}

	public long workdays() {
		return days.stream().filter(d -> d.kind() == DayKind.WORKDAY).count();
	}
}
