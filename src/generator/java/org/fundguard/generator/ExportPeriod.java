package org.fundguard.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The months an export covers. Days are epoch-day numbers: the generator does arithmetic on millions of dates,
 * and the date texts of the period are formatted once here rather than once per row.
 */
final class ExportPeriod {

	final YearMonth firstMonth;
	final YearMonth lastMonth;
	final int months;
	final int firstDay;
	final int lastDay;
	private final String[] dayText;
	private final int[] monthOfDay;

	ExportPeriod(YearMonth lastMonth, int months) {
		this.lastMonth = lastMonth;
		this.months = months;
		this.firstMonth = lastMonth.minusMonths(months - 1L);
		this.firstDay = (int) firstMonth.atDay(1).toEpochDay();
		this.lastDay = (int) lastMonth.atEndOfMonth().toEpochDay();
		int n = lastDay - firstDay + 1;
		dayText = new String[n];
		monthOfDay = new int[n];
		for (int i = 0; i < n; i++) {
			LocalDate d = LocalDate.ofEpochDay(firstDay + i);
			dayText[i] = d.toString();
			monthOfDay[i] = (int) ChronoUnit.MONTHS.between(firstMonth, YearMonth.from(d));
		}
	}

	/** Whether the period holds a whole calendar year, January to December: current-deficit needs one. */
	boolean hasCompleteYear() {
		for (int m = 11; m < months; m++) {
			if (yearMonth(m).getMonthValue() == 12) {
				return true;
			}
		}
		return false;
	}

	LocalDate first() {
		return LocalDate.ofEpochDay(firstDay);
	}

	LocalDate last() {
		return LocalDate.ofEpochDay(lastDay);
	}

	boolean contains(int day) {
		return day >= firstDay && day <= lastDay;
	}

	String date(int day) {
		return contains(day) ? dayText[day - firstDay] : LocalDate.ofEpochDay(day).toString();
	}

	/** {@code yyyy-MM-dd HH:mm:ss} */
	void appendDateTime(StringBuilder sb, int day, int secondOfDay) {
		sb.append(date(day)).append(' ');
		two(sb, secondOfDay / 3600).append(':');
		two(sb, secondOfDay / 60 % 60).append(':');
		two(sb, secondOfDay % 60);
	}

	private static StringBuilder two(StringBuilder sb, int v) {
		return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
	}

	/** Index of the month (0 = first month of the period) that holds the day. */
	int month(int day) {
		return monthOfDay[day - firstDay];
	}

	YearMonth yearMonth(int index) {
		return firstMonth.plusMonths(index);
	}

	int monthFirstDay(int index) {
		return (int) yearMonth(index).atDay(1).toEpochDay();
	}

	int monthLastDay(int index) {
		return (int) yearMonth(index).atEndOfMonth().toEpochDay();
	}

	/** ISO day of week, 1 = Monday ... 7 = Sunday; epoch day 0 was a Thursday. */
	static int dayOfWeek(int day) {
		return Math.floorMod(day + 3, 7) + 1;
	}

	/** The ISO week-based year and week, e.g. {@code 2026-W05}, as used in dialysis-frequency subjects. */
	static String isoWeek(int day) {
		LocalDate d = LocalDate.ofEpochDay(day);
		return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
				d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}
}
