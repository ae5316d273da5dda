package org.fundguard.reports;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long what reporters gave is kept (保存期限), per kind, counted from the event that ends its use.
 *
 * @param closedAnonymousReports a closed anonymous report's content (description, messages, evidence), from its closing
 * @param reporterIdentities a real-name reporter's identity, from the reward's payment or lapse (or the closing, when
 *     no reward was asked for)
 * @param dismissedEvidence the evidence of a report not accepted (不予受理), from that decision
 * @param warningDays how many days before a purge the handlers see it coming
 * @param cron when the purge runs (Asia/Shanghai)
 */
@ConfigurationProperties("fundguard.retention")
public record RetentionProperties(Period closedAnonymousReports, Period reporterIdentities, Period dismissedEvidence,
		Integer warningDays, String cron) {

	public RetentionProperties {
		closedAnonymousReports = closedAnonymousReports == null ? Period.ofYears(5) : closedAnonymousReports;
		reporterIdentities = reporterIdentities == null ? Period.ofYears(2) : reporterIdentities;
		dismissedEvidence = dismissedEvidence == null ? Period.ofYears(1) : dismissedEvidence;
		warningDays = warningDays == null ? 30 : warningDays;
	}
}
