package org.fundguard.appeals;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An issued signal became confirmed: the institution accepted it, let its deadline pass, or its appeal was rejected.
 * The fund money it names is to be recovered (追回/扣款), once: {@code issuedSignalId} is the key of that recovery.
 *
 * @param issuedSignalId the issued signal's own id (stable, unique)
 * @param signalId the monitoring signal it issued ({@code rule|subject|window}, see {@code rules.Signal#id})
 * @param amount the fund money involved, in yuan (0 when the rule measures none)
 * @param how how it was confirmed
 */
public record SignalConfirmed(String issuedSignalId, String leadId, String providerCode, String ruleId, String signalId,
		BigDecimal amount, String reason, LocalDate confirmedOn, How how) {

	public enum How {
		/** 机构确认 */
		ACCEPTED,
		/** 逾期未答复，视为确认 */
		DEADLINE_PASSED,
		/** 申诉不成立 */
		APPEAL_REJECTED
	}
}
