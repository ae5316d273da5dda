package org.fundguard.appeals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An issued signal's answer deadline is near and the institution has not answered: its users and its configured
 * contact address ({@code fundguard.appeals.contacts}, null when none) are to be reminded.
 */
public record AnswerReminderDue(String issuedSignalId, String providerCode, String contactEmail, String evidence,
		BigDecimal amount, OffsetDateTime deadline) {
}
