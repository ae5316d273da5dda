package org.fundguard.dashboard;

import java.time.Clock;
import java.time.YearMonth;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The monthly report of the previous month, when {@code fundguard.dashboard.report-cron} is a cron expression. */
@Configuration
@EnableScheduling
class MonthlyReportSchedule {

	private final MonthlyReports reports;
	private final Clock clock;

	MonthlyReportSchedule(MonthlyReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@Scheduled(cron = "${fundguard.dashboard.report-cron:-}", zone = "Asia/Shanghai")
	void previousMonth() {
		reports.scheduled(YearMonth.now(clock.withZone(Dashboard.BUREAU_ZONE)).minusMonths(1));
	}
}
