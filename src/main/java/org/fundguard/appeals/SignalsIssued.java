package org.fundguard.appeals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Signals of a lead were issued to an institution (疑点下发), in the issuing transaction: its users are to be told.
 *
 * @param count how many signals this issuing added
 * @param amount the fund money they name together, in yuan
 * @param deadline when the institution's answer is due
 */
public record SignalsIssued(String leadId, String providerCode, int count, BigDecimal amount, OffsetDateTime deadline) {
}
