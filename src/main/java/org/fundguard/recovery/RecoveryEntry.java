package org.fundguard.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of the recovery ledger.
 *
 * @param id the row id: a name-based UUID of source and source key, so the same event always yields the same id (the
 *     settlement system de-duplicates by it)
 * @param sourceKey the issued signal id, self-inspection report id or penalty id
 * @param providerName null when the directory did not know the institution when the row was booked
 * @param amount in yuan, two decimals
 * @param bookedOn the day it was confirmed, refunded or decided, in the bureau's time zone
 * @param ruleId the rule (or comma-separated rules of a self-inspection); null for a penalty
 * @param reference the lead id, self-inspection id, or the penalty's case and decision number
 */
public record RecoveryEntry(String id, RecoverySource source, String sourceKey, String providerCode, String providerName,
		BigDecimal amount, String reason, LocalDate bookedOn, String ruleId, String reference, OffsetDateTime createdAt) {

	/** The row id of a source's key: stable across bookings, restarts and installations. */
	public static String rowId(RecoverySource source, String sourceKey) {
		return UUID.nameUUIDFromBytes(("recovery|" + source.name() + "|" + sourceKey)
			.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
	}

	/** The institution as pages show it: its name, or its code when the name is not known. */
	public String institution() {
		return providerName == null || providerName.isBlank() ? providerCode : providerName;
	}

	/** Year and month of {@link #bookedOn} ({@code 2026-11}), the key of the monthly totals. */
	public String month() {
		return bookedOn.toString().substring(0, 7);
	}
}
