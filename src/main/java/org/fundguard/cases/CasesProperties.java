package org.fundguard.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit case's configurable defaults (fundguard.cases). Regions set their own; nothing here is hard-coded in the
 * process or the pages.
 *
 * @param filingWorkingDays the filing decision (立案审查) is due this many working days after the lead arrived
 * @param investigationDays the investigation ends this many calendar days after filing (Decree 4: 90 days)
 * @param reminderWorkingDays reminders fire this many working days before each deadline
 * @param onSiteMinInspectors at least this many inspectors act together on site (Decree 735 Art. 29)
 * @param autoOpenMinRiskScore after each rules run, leads at or above this risk score become cases; null = off
 */
@ConfigurationProperties("fundguard.cases")
public record CasesProperties(@DefaultValue("15") int filingWorkingDays, @DefaultValue("90") int investigationDays,
		@DefaultValue("2") int reminderWorkingDays, @DefaultValue("2") int onSiteMinInspectors,
		Double autoOpenMinRiskScore) {

	public CasesProperties {
		if (filingWorkingDays < 1 || investigationDays < 1 || reminderWorkingDays < 0 || onSiteMinInspectors < 2) {
			throw new IllegalArgumentException("fundguard.cases: deadlines must be positive and on-site work needs at "
					+ "least 2 inspectors (Decree 735 Art. 29)");
		}
	}

	public static CasesProperties defaults() {
		return new CasesProperties(15, 90, 2, 2, null);
	}
}
