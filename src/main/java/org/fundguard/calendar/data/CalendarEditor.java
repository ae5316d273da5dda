package org.fundguard.calendar.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fundguard.calendar.CalendarChanged;
import org.fundguard.calendar.CalendarDay;
import org.fundguard.calendar.CalendarFile;
import org.fundguard.calendar.CalendarYear;
import org.fundguard.calendar.DayKind;
import org.fundguard.calendar.YearStatus;
import org.fundguard.errors.Refused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator may do to the calendar: set or remove a special day, mark a year provisional or official,
 * import a year from a file. Each change is checked whole, written, entered in the change log with who made it, and
 * announced as {@link CalendarChanged} in the same transaction, so the running deadlines it moves are recomputed with
 * it or not at all.
 */
@Service
public class CalendarEditor {

	static final int NOTICE_MAX = 200;
	private static final int NAME_MAX = 50;

	private final CalendarStore store;
	private final ApplicationEventPublisher events;

	CalendarEditor(CalendarStore store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	/** Who makes a change: the username and the name shown in the change log. */
	public record Editor(String username, String displayName) {
	}

	/** The years with their days, for the page and the API. */
	public List<CalendarYear> years() {
		return List.copyOf(store.current().years().values());
	}

	public CalendarYear year(int year) {
		CalendarYear y = store.current().years().get(year);
		if (y == null) {
			throw Refused.notFound("calendar.year.not-covered", year);
		}
		return y;
	}

	public List<CalendarChange> changes(int limit) {
		return store.changes(limit);
	}

	/** One change with every deadline it moved (complete after the change's transaction). */
	public CalendarChange change(long id) {
		return store.change(id).orElseThrow(() -> Refused.notFound("calendar.change.not-found", id));
	}

	/** Makes the date a holiday or a make-up working day (replacing what it was), on the notice's authority. */
	@Transactional
	public long setDay(LocalDate date, DayKind kind, String name, String notice, Editor by) {
		year(date.getYear());
		if (kind == DayKind.WORKDAY && !weekend(date)) {
			throw Refused.because("calendar.day.workday-not-weekend", date);
		}
		String n = text(name, NAME_MAX, "calendar.day.name");
		String source = notice(notice);
		CalendarDay before = store.current().day(date);
		store.putDay(new CalendarDay(date, kind, n, source));
		String was = before == null ? "原为普通日" : "原为" + before.kind().label() + "（" + before.name() + "）";
		return changed(by, Set.of(date.getYear()), "DAY_SET",
				"设 " + date + " 为" + kind.label() + "（" + n + "），" + was + "；依据 " + source);
	}

	/** Makes the date an ordinary day again. */
	@Transactional
	public long removeDay(LocalDate date, String notice, Editor by) {
		year(date.getYear());
		String source = notice(notice);
		CalendarDay before = store.current().day(date);
		if (before == null || !store.removeDay(date)) {
			throw Refused.conflict("calendar.day.not-special", date);
		}
		return changed(by, Set.of(date.getYear()), "DAY_REMOVED", "取消 " + date + " 的" + before.kind().label() + "（"
				+ before.name() + "），恢复为普通" + (weekend(date) ? "休息日" : "工作日") + "；依据 " + source);
	}

	/** Marks the year official (the State Council's notice is in) or provisional. */
	@Transactional
	public long setStatus(int year, YearStatus status, String notice, Editor by) {
		CalendarYear y = year(year);
		String source = notice(notice);
		store.putYear(year, status, source);
		return changed(by, Set.of(year), "STATUS_SET", year + " 年由" + y.status().label() + "改为" + status.label()
				+ "；依据 " + source);
	}

	/**
	 * Replaces the year's special days with those of the file (the year is added when the calendar lacks it). The file
	 * is read whole first: a bad row refuses it and nothing changes.
	 */
	@Transactional
	public long importYear(int year, YearStatus status, String notice, String fileName, byte[] content,
			Editor by) {
		if (year < 2000 || year > 2100) {
			throw Refused.because("calendar.year.invalid", year);
		}
		if (content == null || content.length == 0) {
			throw Refused.because("calendar.file.required");
		}
		String source = notice(notice);
		List<CalendarDay> days = CalendarFile.readYear(fileName, content, year);
		CalendarYear before = store.current().years().get(year);
		store.putYear(year, status, source);
		store.replaceDays(year, days);
		CalendarYear after = new CalendarYear(year, status, source, days);
		return changed(by, Set.of(year), "YEAR_IMPORTED", "导入 " + year + " 年日历（文件 " + fileName + "，"
				+ status.label() + "，放假 " + after.holidays() + " 天、调休上班 " + after.workdays() + " 天；依据 " + source + "）"
				+ difference(before, after));
	}

	/** Copies the shipped seed into an empty calendar: a fresh installation's first start. */
	@Transactional
	public void seedIfEmpty(List<CalendarYear> seed) {
		if (!store.isEmpty()) {
			return;
		}
		for (CalendarYear y : seed) {
			store.putYear(y.year(), y.status(), y.notice());
			y.days().forEach(store::putDay);
		}
		store.changed();
		store.logChange("fundguard-system", "系统", years(seed.stream().map(CalendarYear::year).toList()), "SEEDED",
				"安装时导入随附日历：" + String.join("，", seed.stream()
					.map(y -> y.year() + " 年" + y.status().label() + "（" + y.notice() + "）").toList()));
	}

	/** The change id: its recomputations are all recorded once the changing transaction has committed. */
	private long changed(Editor by, Set<Integer> years, String action, String detail) {
		store.changed();
		long id = store.logChange(by.username(), by.displayName(), years(years), action, detail);
		events.publishEvent(new CalendarChanged(id, years, detail));
		return id;
	}

	/** What an import added and removed, for the change log. */
	private static String difference(CalendarYear before, CalendarYear after) {
		Map<LocalDate, CalendarDay> old = new HashMap<>();
		if (before != null) {
			before.days().forEach(d -> old.put(d.date(), d));
		}
		List<String> added = new ArrayList<>();
		for (CalendarDay d : after.days()) {
			CalendarDay was = old.remove(d.date());
			if (was == null || was.kind() != d.kind()) {
				added.add(d.date() + " " + d.kind().label());
			}
		}
		List<String> removed = old.values().stream().map(d -> d.date() + " " + d.kind().label()).sorted().toList();
		String text = (added.isEmpty() ? "" : "；新增 " + String.join("、", added))
				+ (removed.isEmpty() ? "" : "；取消 " + String.join("、", removed));
		return text.length() > 3000 ? text.substring(0, 2999) + "…" : text;
	}

	private static String years(java.util.Collection<Integer> years) {
		return String.join(",", years.stream().sorted().map(String::valueOf).toList());
	}

	private static String notice(String notice) {
		return text(notice, NOTICE_MAX, "calendar.notice.required");
	}

	private static String text(String value, int max, String key) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty() || v.length() > max) {
			throw Refused.because(key, max);
		}
		return v;
	}

	private static boolean weekend(LocalDate date) {
		return date.getDayOfWeek().getValue() >= 6;
	}
}
