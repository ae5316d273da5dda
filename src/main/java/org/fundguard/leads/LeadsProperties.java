package org.fundguard.leads;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lead triage's settings (fundguard.leads).
 *
 * @param caseThresholdYuan a reviewed lead whose confirmed money is at or above this many yuan becomes an audit case
 *     with its confirmed evidence; so does one with a confirmed signal of a high-severity rule, whatever its money
 */
@ConfigurationProperties("fundguard.leads")
public record LeadsProperties(@DefaultValue("10000") BigDecimal caseThresholdYuan) {

	public LeadsProperties {
		if (caseThresholdYuan == null || caseThresholdYuan.signum() < 0) {
			throw new IllegalArgumentException("fundguard.leads.case-threshold-yuan must be 0 or more");
		}
	}
}
