package org.fundguard.calendar;

import java.time.LocalDate;

/**
 * A working-day computation reached a date in a year the calendar does not hold. It is thrown, never
 * worked around: counting weekends only would silently miss the Spring Festival and every 调休 Saturday.
 */
public class DateOutsideCalendar extends IllegalStateException {

	DateOutsideCalendar(LocalDate date, Iterable<Integer> covered) {
		super("工作日历未包含 " + date.getYear() + " 年（日期 " + date + "），已覆盖年份: " + covered
				+ "。请在 calendar/china-public-holidays.csv 中补充国务院办公厅的放假安排 / the working calendar does not cover "
				+ date);
	}
}
