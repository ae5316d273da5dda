package org.fundguard.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.fundguard.record.Actor;

/**
 * What is known when a case is opened.
 *
 * @param subjectKey provider code for an institution, the person's pseudonym (never an id number) for a person
 * @param subjectName institution name, or the person's masked name
 * @param subjectRegion the subject's region code (the provider's region: the place of treatment supervises)
 * @param sourceRef the lead id, report id or inspection id this case came from; null for manual entry
 * @param amount the money involved, in yuan (0 when unknown)
 * @param receivedAt when the lead or report reached the bureau: the filing deadline counts from it
 */
public record NewCase(SubjectType subjectType, String subjectKey, String subjectName, String subjectRegion,
		CaseSource source, String sourceRef, BigDecimal amount, String summary, OffsetDateTime receivedAt,
		Actor openedBy) {

	public NewCase {
		if (subjectType == null || subjectKey == null || subjectKey.isBlank() || source == null || openedBy == null
				|| receivedAt == null) {
			// the modules that open cases always know these: a missing one is a bug, not a user's mistake
			throw new IllegalArgumentException("a case needs its subject, source, time received and who opened it");
		}
		amount = amount == null ? BigDecimal.ZERO : amount;
		summary = summary == null ? "" : summary;
	}
}
