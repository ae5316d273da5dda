package org.fundguard.credit;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One recorded fact of an institution's credit.
 *
 * @param points signed: a deduction is negative, a credit positive
 * @param occurredOn the fact's day in the bureau's time zone (Asia/Shanghai): it counts in that day's year
 */
public record CreditFact(String id, CreditCause cause, String sourceKey, String providerCode, String providerName,
		String region, LocalDate occurredOn, int points, String description, String reference, OffsetDateTime recordedAt) {

	static String idOf(CreditCause cause, String sourceKey) {
		return cause.name() + ":" + sourceKey;
	}

	public String institution() {
		return providerName == null || providerName.isBlank() ? providerCode : providerName;
	}
}
