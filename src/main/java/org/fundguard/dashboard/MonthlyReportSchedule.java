package org.fundguard.dashboard;

import java.time.Clock;
import java.time.YearMonth;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The monthly report of the previous month, when {@code fundguard.dashboard.report-cron} is a cron expression. */
@Configuration
class MonthlyReportSchedule {

	private final MonthlyReports reports;
	private final Clock clock;

	MonthlyReportSchedule(MonthlyReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	/** Once across nodes (the unique month would refuse the second anyway, after rendering a whole PDF for nothing). */
	@Scheduled(cron = "${fundguard.dashboard.report-cron:-}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "dashboard-monthly-report", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	public void previousMonth() {
		reports.scheduled(YearMonth.now(clock.withZone(Dashboard.BUREAU_ZONE)).minusMonths(1));
	}
}
