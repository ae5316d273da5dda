package org.fundguard.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * Deadlines as the bureau counts them, for Java code and for BPMN timer expressions such as
 * {@code ${deadlines.afterWorkingDays(leadReceivedAt, 15)}}. A deadline "within N working days" ends at
 * midnight after the N-th working day, China Standard Time; a reminder fires at 09:00 of a working day before it.
 */
@Component("deadlines")
public class Deadlines {

	public static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

	/** Shown beside every deadline counted over a provisional year. */
	public static final String PROVISIONAL_NOTE = "暂按法定节假日计算";

	private static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

	private final WorkingCalendar calendar;
	private final Clock clock;

	public Deadlines(WorkingCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The end of the N-th working day after {@code start} (a Date, an ISO string, a LocalDate or an OffsetDateTime). */
	public Date afterWorkingDays(Object start, int workingDays) {
		LocalDate last = calendar.plusWorkingDays(day(start), workingDays);
		return endOf(last);
	}

	/** The end of the N-th working day from now. */
	public Date workingDaysFromNow(int workingDays) {
		return afterWorkingDays(Date.from(clock.instant()), workingDays);
	}

	/** The end of the N-th calendar day after {@code start}: for deadlines the law counts in days (送达 7 日, 90 日). */
	public Date afterDays(Object start, int days) {
		return endOf(day(start).plusDays(days));
	}

	/** 09:00 on the N-th working day before the deadline's last day, but never in the past. */
	public Date reminderBefore(Object deadline, int workingDays) {
		LocalDate lastDay = lastDayOf(deadline);
		LocalDate remind = calendar.minusWorkingDays(lastDay, workingDays);
		Date at = Date.from(remind.atTime(REMINDER_TIME).atZone(BUREAU_ZONE).toInstant());
		Date now = Date.from(clock.instant());
		return at.before(now) ? now : at;
	}

	/** Working days left until the deadline: 0 on its last day, negative once overdue. */
	public int workingDaysLeft(Object deadline) {
		LocalDate today = LocalDate.now(clock.withZone(BUREAU_ZONE));
		return calendar.workingDaysBetween(today, lastDayOf(deadline));
	}

	public boolean isOverdue(Object deadline) {
		return deadline != null && toInstant(deadline).isBefore(clock.instant());
	}

	/**
	 * Whether the deadline was counted over a provisional year (statutory holidays only, the State Council's make-up
	 * days not yet known): its last day's year, or any year between today and it. Pages, tasks and documents show
	 * {@link #PROVISIONAL_NOTE} beside such a deadline. A date (LocalDate) is taken as the last day itself.
	 */
	public boolean isProvisional(Object deadline) {
		if (deadline == null) {
			return false;
		}
		LocalDate last = deadline instanceof LocalDate d ? d : lastDayOf(deadline);
		LocalDate today = LocalDate.now(clock.withZone(BUREAU_ZONE));
		for (int year = Math.min(today.getYear(), last.getYear()); year <= last.getYear(); year++) {
			if (calendar.isProvisional(year)) {
				return true;
			}
		}
		return false;
	}

	/** The deadline's last day as records and documents print it, with the provisional note when it applies. */
	public String lastDayText(Object deadline) {
		return lastDayOf(deadline) + (isProvisional(deadline) ? "（" + PROVISIONAL_NOTE + "）" : "");
	}

	/** The last day on which the deadline is still met (the day before its midnight end). */
	public LocalDate lastDayOf(Object deadline) {
		return lastDayOfInstant(toInstant(deadline));
	}

	static LocalDate lastDayOfInstant(Instant deadline) {
		ZonedDateTime end = deadline.atZone(BUREAU_ZONE);
		return end.toLocalTime().equals(LocalTime.MIDNIGHT) ? end.toLocalDate().minusDays(1) : end.toLocalDate();
	}

	private static Date endOf(LocalDate lastDay) {
		return Date.from(lastDay.plusDays(1).atStartOfDay(BUREAU_ZONE).toInstant());
	}

	static LocalDate day(Object value) {
		if (value instanceof LocalDate d) {
			return d;
		}
		if (value instanceof String s && s.length() == 10) {
			return LocalDate.parse(s);
		}
		return toInstant(value).atZone(BUREAU_ZONE).toLocalDate();
	}

	static Instant toInstant(Object value) {
		return switch (value) {
			case Date d -> d.toInstant();
			case Instant i -> i;
			case OffsetDateTime o -> o.toInstant();
			case ZonedDateTime z -> z.toInstant();
			case LocalDate d -> d.atStartOfDay(BUREAU_ZONE).toInstant();
			case String s when s.length() == 10 -> LocalDate.parse(s).atStartOfDay(BUREAU_ZONE).toInstant();
			case String s -> OffsetDateTime.parse(s).toInstant();
			case null -> throw new IllegalArgumentException("a deadline needs a start");
			default -> throw new IllegalArgumentException("not a time: " + value.getClass().getName());
		};
	}
}
