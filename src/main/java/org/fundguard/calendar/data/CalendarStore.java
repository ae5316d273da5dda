package org.fundguard.calendar.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.fundguard.calendar.CalendarChanged;
import org.fundguard.calendar.CalendarDay;
import org.fundguard.calendar.CalendarDays;
import org.fundguard.calendar.CalendarSource;
import org.fundguard.calendar.CalendarYear;
import org.fundguard.calendar.DayKind;
import org.fundguard.calendar.Deadlines;
import org.fundguard.calendar.DeadlineRecomputations;
import org.fundguard.calendar.YearStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendar's tables. Every working-day computation reads the calendar, so it is cached; a change is seen at
 * once inside its own transaction (the deadlines it moves are recomputed there, before it commits) and by everyone
 * else once it has committed, never before and never after a rollback.
 */
@Repository
public class CalendarStore implements CalendarSource, DeadlineRecomputations {

	private final JdbcClient jdbc;
	private final Clock clock;
	/** Counts committed changes, so that a load that raced with one does not put the old calendar back in the cache. */
	private final AtomicLong generation = new AtomicLong();
	private volatile CalendarDays cached;

	CalendarStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public CalendarDays current() {
		CalendarDays changing = (CalendarDays) TransactionSynchronizationManager.getResource(this);
		if (changing != null) {
			return changing;
		}
		CalendarDays c = cached;
		if (c == null) {
			long before = generation.get();
			c = load();
			if (generation.get() == before) {
				cached = c;
			}
		}
		return c;
	}

	/**
	 * This transaction changed the calendar: it reads its own change from now on, everyone else after it commits.
	 * Must be called inside the changing transaction.
	 */
	void changed() {
		if (TransactionSynchronizationManager.hasResource(this)) {
			TransactionSynchronizationManager.unbindResource(this);
		}
		else {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(CalendarStore.this);
					generation.incrementAndGet();
					cached = null;
				}
			});
		}
		TransactionSynchronizationManager.bindResource(this, load());
	}

	boolean isEmpty() {
		return jdbc.sql("select count(*) from calendar_year").query(Long.class).single() == 0;
	}

	void putYear(int year, YearStatus status, String notice) {
		int updated = jdbc.sql("update calendar_year set status = ?, notice = ? where year_no = ?")
			.params(status.name(), notice, year)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into calendar_year (year_no, status, notice) values (?, ?, ?)")
				.params(year, status.name(), notice)
				.update();
		}
	}

	void putDay(CalendarDay day) {
		removeDay(day.date());
		jdbc.sql("insert into calendar_day (day_date, year_no, kind, name, notice) values (?, ?, ?, ?, ?)")
			.params(day.date(), day.date().getYear(), day.kind().name(), day.name(), day.notice())
			.update();
	}

	boolean removeDay(LocalDate date) {
		return jdbc.sql("delete from calendar_day where day_date = ?").param(date).update() > 0;
	}

	void replaceDays(int year, List<CalendarDay> days) {
		jdbc.sql("delete from calendar_day where year_no = ?").param(year).update();
		days.forEach(this::putDay);
	}

	long logChange(String by, String byName, String years, String action, String detail) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into calendar_change (changed_at, changed_by, changed_by_name, years, action, detail)
				values (?, ?, ?, ?, ?, ?)""")
			.params(now(), by, byName, years, action, detail)
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/** The newest changes first, each with the deadlines it moved. */
	List<CalendarChange> changes(int limit) {
		List<CalendarChange> changes = jdbc.sql("""
				select id, changed_at, changed_by, changed_by_name, years, action, detail from calendar_change
				order by id desc fetch first ? rows only""")
			.param(limit)
			.query((rs, n) -> new CalendarChange(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), List.of()))
			.list();
		List<CalendarChange> out = new ArrayList<>();
		changes.forEach(c -> out.add(c.withRecomputations(of(c.id()))));
		return out;
	}

	java.util.Optional<CalendarChange> change(long id) {
		return jdbc.sql("select id, changed_at, changed_by, changed_by_name, years, action, detail from calendar_change where id = ?")
			.param(id)
			.query((rs, n) -> new CalendarChange(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), of(rs.getLong(1))))
			.optional();
	}

	@Override
	public void record(CalendarChanged cause, String subject, String deadline, Date from, Date to) {
		jdbc.sql("insert into calendar_recomputation (change_id, subject, deadline, old_due, new_due) values (?, ?, ?, ?, ?)")
			.params(cause.changeId(), clip(subject), clip(deadline), at(from), at(to))
			.update();
	}

	@Override
	public List<Recomputation> of(long changeId) {
		return jdbc.sql("select change_id, subject, deadline, old_due, new_due from calendar_recomputation where change_id = ? order by id")
			.param(changeId)
			.query((rs, n) -> new Recomputation(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	private CalendarDays load() {
		Map<Integer, List<CalendarDay>> days = new LinkedHashMap<>();
		jdbc.sql("select day_date, kind, name, notice, year_no from calendar_day order by day_date").query((ResultSet rs) -> {
			days.computeIfAbsent(rs.getInt(5), y -> new ArrayList<>()).add(day(rs));
		});
		List<CalendarYear> years = jdbc.sql("select year_no, status, notice from calendar_year order by year_no")
			.query((rs, n) -> new CalendarYear(rs.getInt(1), YearStatus.valueOf(rs.getString(2)), rs.getString(3),
					days.getOrDefault(rs.getInt(1), List.of())))
			.list();
		return new CalendarDays(years);
	}

	private static CalendarDay day(ResultSet rs) throws SQLException {
		return new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)), rs.getString(3),
				rs.getString(4));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}

	private static OffsetDateTime at(Date date) {
		return date.toInstant().atZone(Deadlines.BUREAU_ZONE).toOffsetDateTime();
	}

	private static String clip(String text) {
		return text.length() <= 200 ? text : text.substring(0, 199) + "…";
	}
}
