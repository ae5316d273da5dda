package org.fundguard.reports;

import java.time.LocalDate;
import java.util.Date;

import org.fundguard.calendar.Deadlines;
import org.springframework.stereotype.Component;

/** The report process's deadlines, from configuration, for its timer and due-date expressions. */
@Component("reportDeadlines")
public class ReportDeadlines {

	private final Deadlines deadlines;
	private final ReportsProperties properties;

	public ReportDeadlines(Deadlines deadlines, ReportsProperties properties) {
		this.deadlines = deadlines;
		this.properties = properties;
	}

	/** 受理决定: the end of the configured working day after receipt (default 15). */
	public Date acceptance(Object receivedAt) {
		return deadlines.afterWorkingDays(receivedAt, properties.acceptanceWorkingDays());
	}

	/** A real-name reporter hears whether a case was filed by the end of this day (default 5 working days). */
	public Date caseNotice(Object decidedAt) {
		return deadlines.afterWorkingDays(decidedAt, properties.caseNoticeWorkingDays());
	}

	/** 办结: handling is due the configured working days after acceptance (default 60). */
	public Date handling(Object acceptedAt) {
		return deadlines.afterWorkingDays(acceptedAt, properties.handlingWorkingDays());
	}

	/** An approved reward lapses at the end of the day the claim window (default 2 months) ends. */
	public Date claimWindowEnd(Object offeredAt) {
		LocalDate offered = deadlines.lastDayOf(offeredAt);
		LocalDate last = offered.plus(properties.claimWindow());
		return Date.from(last.plusDays(1).atStartOfDay(Deadlines.BUREAU_ZONE).toInstant());
	}
}
