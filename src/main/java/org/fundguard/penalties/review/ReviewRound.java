package org.fundguard.penalties.review;

import java.time.OffsetDateTime;

/** One round of legal review: the checklist, the outcome and opinion, and the investigator's answer to a return. */
public record ReviewRound(long penaltyId, int round, String reviewer, Checklist checklist, boolean approved,
		String opinion, OffsetDateTime reviewedAt, String revisedBy, String revision, OffsetDateTime revisedAt) {
}
