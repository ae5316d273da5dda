package org.fundguard.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's monthly report.
 *
 * @param reportCron when the report of the previous month is made and archived (second minute hour day month weekday,
 *     Asia/Shanghai); "-" = never
 */
@ConfigurationProperties("fundguard.dashboard")
public record DashboardProperties(String reportCron) {

	public DashboardProperties {
		reportCron = reportCron == null || reportCron.isBlank() ? "-" : reportCron;
	}
}
