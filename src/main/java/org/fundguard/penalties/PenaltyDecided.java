package org.fundguard.penalties;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A penalty decision (处罚决定) was made, in its transaction. The recovery ledger books the loss it orders returned
 * (责令退回 / 没收违法所得) once, by {@code penaltyId}.
 *
 * @param institution whether the party is a designated institution (then {@code partyKey} is its provider code)
 * @param recovery the loss the decision orders returned to the fund, in yuan (0 when none)
 * @param fine the fine, in yuan: paid to the treasury, not to the fund, so no recovery
 * @param decidedOn the day of the decision, in the bureau's time zone
 * @param leadId the monitoring lead the case was opened from (its confirmed signals may be recovered already), or null
 */
public record PenaltyDecided(long penaltyId, String caseNumber, String decisionNumber, boolean institution,
		String partyKey, String partyName, String article, BigDecimal recovery, BigDecimal fine, LocalDate decidedOn,
		String leadId) {
}
