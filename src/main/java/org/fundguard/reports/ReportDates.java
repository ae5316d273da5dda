package org.fundguard.reports;

import java.time.OffsetDateTime;

import org.fundguard.calendar.BureauTime;
import org.springframework.stereotype.Component;

/** Dates on report pages, in the bureau's one convention (calendar.BureauTime): {@code ${@reportDates.day(t)}}. */
@Component("reportDates")
public class ReportDates {

	private final BureauTime time;

	ReportDates(BureauTime time) {
		this.time = time;
	}

	public String day(OffsetDateTime time) {
		return this.time.day(time);
	}

	public String minute(OffsetDateTime time) {
		return this.time.format(time);
	}

	/** The last day a deadline ending at midnight (a report's or a task's) still allows. */
	public String lastDay(OffsetDateTime deadline) {
		return time.lastDay(deadline);
	}
}
