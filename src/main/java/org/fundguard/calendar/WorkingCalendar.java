package org.fundguard.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * The Chinese working calendar: Monday to Friday, minus the State Council's public holidays, plus its make-up working
 * days (调休). The days are the bureau's data, kept by its administrators (see {@link CalendarSource}); every method
 * reads the calendar as it stands when called, so a deadline computed after a change counts the new days. A date in
 * a year the calendar does not hold makes every method throw {@link DateOutsideCalendar}.
 * <p>
 * Deadlines count like the law does: "within N working days of D" ends at the close of the N-th working day
 * after D, D itself not counted.
 */
@Component
@DependsOn("calendarSeed") // a fresh installation counts no deadline before its calendar is in the database
public class WorkingCalendar {

	private final CalendarSource source;

	@Autowired
	public WorkingCalendar(CalendarSource source) {
		this.source = source;
	}

	/** The shipped seed file's calendar, for tests and tools without a database. */
	public WorkingCalendar() {
		this(CalendarFile.seed());
	}

	/** The years this calendar holds, with their status. */
	public Map<Integer, YearStatus> coveredYears() {
		Map<Integer, YearStatus> years = new TreeMap<>();
		source.current().years().forEach((year, y) -> years.put(year, y.status()));
		return years;
	}

	/** Whether the year's days are provisional (statutory holidays only, no make-up days yet); false for an uncovered year. */
	public boolean isProvisional(int year) {
		CalendarYear y = source.current().years().get(year);
		return y != null && y.status() == YearStatus.PROVISIONAL;
	}

	public boolean isWorkingDay(LocalDate date) {
		return isWorkingDay(source.current(), date);
	}

	/** The holiday's or make-up day's name, or empty for an ordinary day. */
	public String nameOf(LocalDate date) {
		CalendarDays days = source.current();
		requireCovered(days, date);
		CalendarDay day = days.day(date);
		return day == null ? "" : day.name();
	}

	/** The N-th working day after {@code start} ({@code start} itself not counted); N = 0 gives start. */
	public LocalDate plusWorkingDays(LocalDate start, int n) {
		if (n < 0) {
			return minusWorkingDays(start, -n);
		}
		CalendarDays days = source.current();
		LocalDate d = start;
		for (int left = n; left > 0;) {
			d = d.plusDays(1);
			if (isWorkingDay(days, d)) {
				left--;
			}
		}
		return d;
	}

	/** The N-th working day before {@code end}. */
	public LocalDate minusWorkingDays(LocalDate end, int n) {
		CalendarDays days = source.current();
		LocalDate d = end;
		for (int left = n; left > 0;) {
			d = d.minusDays(1);
			if (isWorkingDay(days, d)) {
				left--;
			}
		}
		return d;
	}

	/**
	 * Working days from {@code from} (excluded) to {@code to} (included); negative when {@code to} is before
	 * {@code from}. So a deadline on {@code to} seen on {@code from} is this many working days away.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		CalendarDays days = source.current();
		requireCovered(days, from);
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(days, d)) {
				count++;
			}
		}
		return count;
	}

	/** Make-up working days (调休上班) of a year, for pages that show the calendar. */
	public Set<LocalDate> makeUpWorkdays(int year) {
		CalendarDays days = source.current();
		requireCovered(days, LocalDate.of(year, 1, 1));
		Set<LocalDate> out = new TreeSet<>();
		days.daysOf(year).stream().filter(d -> d.kind() == DayKind.WORKDAY).forEach(d -> out.add(d.date()));
		return out;
	}

	private static boolean isWorkingDay(CalendarDays days, LocalDate date) {
		requireCovered(days, date);
		CalendarDay special = days.day(date);
		if (special != null) {
			return special.kind() == DayKind.WORKDAY;
		}
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	private static void requireCovered(CalendarDays days, LocalDate date) {
		if (!days.covers(date.getYear())) {
			throw new DateOutsideCalendar(date, days.years().keySet());
		}
	}
}
