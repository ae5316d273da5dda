package org.fundguard.reports;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.fundguard.calendar.Deadlines;
import org.springframework.stereotype.Component;

/** Dates on report pages, in China Standard Time: {@code ${@reportDates.day(t)}}. */
@Component("reportDates")
public class ReportDates {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	public String day(OffsetDateTime time) {
		return time == null ? "—" : time.atZoneSameInstant(Deadlines.BUREAU_ZONE).format(DAY);
	}

	public String minute(OffsetDateTime time) {
		return time == null ? "—" : time.atZoneSameInstant(Deadlines.BUREAU_ZONE).format(MINUTE);
	}

	/** The last day a deadline ending at midnight (a report's or a task's) still allows. */
	public String lastDay(OffsetDateTime deadline) {
		return deadline == null ? "—" : deadline.atZoneSameInstant(Deadlines.BUREAU_ZONE).minusNanos(1).format(DAY);
	}
}
