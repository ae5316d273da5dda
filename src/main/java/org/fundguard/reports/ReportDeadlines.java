package org.fundguard.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import org.fundguard.calendar.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The report process's deadlines, from configuration, counted from what the report records: receipt for the
 * acceptance decision, the acceptance decision for the notice and the handling.
 */
@Component
class ReportDeadlines {

	private final Deadlines deadlines;
	private final ReportsProperties properties;
	private final Reports reports;
	private final Clock clock;

	ReportDeadlines(Deadlines deadlines, ReportsProperties properties, Reports reports, Clock clock) {
		this.deadlines = deadlines;
		this.properties = properties;
		this.reports = reports;
		this.clock = clock;
	}

	/** 受理决定: the end of the configured working day after receipt (default 15). */
	Date acceptance(long reportId) {
		return deadlines.afterWorkingDays(report(reportId).receivedAt(), properties.acceptanceWorkingDays());
	}

	/** A real-name reporter hears whether a case was filed within these working days of the decision (default 5). */
	Date caseNotice(long reportId) {
		return deadlines.afterWorkingDays(decided(reportId), properties.caseNoticeWorkingDays());
	}

	/** 办结: handling is due the configured working days after acceptance (default 60). */
	Date handling(long reportId) {
		return deadlines.afterWorkingDays(decided(reportId), properties.handlingWorkingDays());
	}

	/** An approved reward lapses at the end of the day the claim window (default 2 months) ends. */
	Date claimWindowEnd(Object offeredAt) {
		LocalDate offered = deadlines.lastDayOf(offeredAt);
		LocalDate last = offered.plus(properties.claimWindow());
		return Date.from(last.plusDays(1).atStartOfDay(Deadlines.BUREAU_ZONE).toInstant());
	}

	/** When the acceptance decision was taken; now for a report decided before decisions were recorded. */
	private OffsetDateTime decided(long reportId) {
		OffsetDateTime decided = report(reportId).decidedAt();
		return decided == null ? OffsetDateTime.now(clock) : decided;
	}

	private Report report(long reportId) {
		return reports.find(reportId).orElseThrow(() -> new IllegalStateException("no report " + reportId));
	}
}
