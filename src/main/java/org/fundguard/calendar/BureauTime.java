package org.fundguard.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Times as the bureau reads them, the one formatter of every page, task, document and export: China Standard Time
 * whatever zone the database, the server or the browser keeps, to the minute. A deadline ends at midnight after its
 * last day ({@link Deadlines}); that instant is written as 24:00 of the last day, "2026-12-22 24:00", never as
 * "2026-12-23 00:00", so that the day shown is the day on which the deadline is still met. Camunda's webapps follow
 * the same convention (app/fundguard-time). Pages call it as {@code ${@bureauTime.format(t)}}.
 */
@Component("bureauTime")
public class BureauTime {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** A Date, Instant, OffsetDateTime, ZonedDateTime or ISO string; midnight as 24:00 of the day before; null as —. */
	public String format(Object time) {
		if (time == null) {
			return "—";
		}
		ZonedDateTime t = Deadlines.toInstant(time).atZone(Deadlines.BUREAU_ZONE);
		if (t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			return t.toLocalDate().minusDays(1).format(DAY) + " 24:00";
		}
		return t.format(MINUTES);
	}

	/** The day in the bureau's zone, for times whose hour says nothing (a filing, a publication). */
	public String day(Object time) {
		return time == null ? "—" : Deadlines.toInstant(time).atZone(Deadlines.BUREAU_ZONE).format(DAY);
	}

	/** The last day on which a deadline is still met: 2026-12-22 for a deadline ending 2026-12-23 00:00. */
	public String lastDay(Object deadline) {
		if (deadline == null) {
			return "—";
		}
		LocalDate last = Deadlines.lastDayOfInstant(Deadlines.toInstant(deadline));
		return last.format(DAY);
	}
}
