package org.fundguard.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The official Chinese working calendar: Monday to Friday, minus the State Council's public holidays, plus its
 * make-up working days (调休). Held as data in {@code calendar/china-public-holidays.csv}; a date in a year the
 * data does not declare makes every method throw {@link DateOutsideCalendar}.
 * <p>
 * Deadlines count like the law does: "within N working days of D" ends at the close of the N-th working day
 * after D, D itself not counted.
 */
@Component
public class WorkingCalendar {

	public static final String RESOURCE = "calendar/china-public-holidays.csv";

	private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

	private final Map<Integer, String> years;
	private final Map<LocalDate, String> holidays;
	private final Map<LocalDate, String> makeUpWorkdays;

	public WorkingCalendar() {
		this(WorkingCalendar.class.getClassLoader().getResourceAsStream(RESOURCE));
	}

	WorkingCalendar(InputStream data) {
		if (data == null) {
			throw new IllegalStateException("missing working calendar data " + RESOURCE);
		}
		Map<Integer, String> y = new TreeMap<>();
		Map<LocalDate, String> h = new HashMap<>();
		Map<LocalDate, String> w = new HashMap<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = in.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split(",", 3);
				if (f.length < 3) {
					throw new IllegalStateException(RESOURCE + " line " + number + " is not kind,date,name: " + line);
				}
				switch (f[0]) {
					case "year" -> y.put(Integer.parseInt(f[1]), f[2]);
					case "holiday" -> h.put(LocalDate.parse(f[1]), f[2]);
					case "workday" -> w.put(LocalDate.parse(f[1]), f[2]);
					default -> throw new IllegalStateException(RESOURCE + " line " + number + " has an unknown kind: " + f[0]);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		for (LocalDate d : h.keySet()) {
			if (!y.containsKey(d.getYear()) || w.containsKey(d)) {
				throw new IllegalStateException(RESOURCE + ": holiday " + d + " lies in an undeclared year or is a make-up workday as well");
			}
		}
		this.years = Collections.unmodifiableMap(y);
		this.holidays = Map.copyOf(h);
		this.makeUpWorkdays = Map.copyOf(w);
		y.forEach((year, status) -> {
			if (!"official".equals(status)) {
				log.warn("工作日历 {} 年为暂定数据（仅法定假日，无调休），待国务院办公厅通知后更新 / calendar year {} is {}", year, year, status);
			}
		});
	}

	/** The years this calendar holds, with their status ({@code official} or {@code provisional}). */
	public Map<Integer, String> coveredYears() {
		return years;
	}

	public boolean isWorkingDay(LocalDate date) {
		requireCovered(date);
		if (makeUpWorkdays.containsKey(date)) {
			return true;
		}
		if (holidays.containsKey(date)) {
			return false;
		}
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	/** The holiday's or make-up day's name, or empty for an ordinary day. */
	public String nameOf(LocalDate date) {
		requireCovered(date);
		return holidays.getOrDefault(date, makeUpWorkdays.getOrDefault(date, ""));
	}

	/** The N-th working day after {@code start} ({@code start} itself not counted); N = 0 gives start. */
	public LocalDate plusWorkingDays(LocalDate start, int n) {
		if (n < 0) {
			return minusWorkingDays(start, -n);
		}
		LocalDate d = start;
		for (int left = n; left > 0;) {
			d = d.plusDays(1);
			if (isWorkingDay(d)) {
				left--;
			}
		}
		return d;
	}

	/** The N-th working day before {@code end}. */
	public LocalDate minusWorkingDays(LocalDate end, int n) {
		LocalDate d = end;
		for (int left = n; left > 0;) {
			d = d.minusDays(1);
			if (isWorkingDay(d)) {
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
		requireCovered(from);
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				count++;
			}
		}
		return count;
	}

	/** Make-up working days (调休上班) of a year, for pages that show the calendar. */
	public Set<LocalDate> makeUpWorkdays(int year) {
		requireCovered(LocalDate.of(year, 1, 1));
		Set<LocalDate> days = new TreeSet<>();
		makeUpWorkdays.keySet().stream().filter(d -> d.getYear() == year).forEach(days::add);
		return days;
	}

	private void requireCovered(LocalDate date) {
		if (!years.containsKey(date.getYear())) {
			throw new DateOutsideCalendar(date, years.keySet());
		}
	}
}
