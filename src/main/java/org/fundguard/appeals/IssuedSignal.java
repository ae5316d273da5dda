package org.fundguard.appeals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One signal of a provider lead issued to that provider, with the institution's answer and the bureau's decision.
 *
 * @param signalId the monitoring signal ({@code rules.Signal#id})
 * @param evidenceKey the hash of the signal's evidence lines, the key of an exemption when the appeal is upheld
 * @param evidenceSummary what the signal says, personal data masked
 * @param documentIds the stored documents the institution appealed with
 */
public record IssuedSignal(String id, String leadId, String signalId, String evidenceKey, String providerCode,
		String ruleId, BigDecimal amount, String evidenceSummary, String issuedBy, OffsetDateTime issuedAt,
		OffsetDateTime deadline, SignalState state, String answer, List<String> documentIds, String answeredBy,
		OffsetDateTime answeredAt, OffsetDateTime reviewDeadline, String decisionReason, String decidedBy,
		OffsetDateTime decidedAt, OffsetDateTime remindedAt, String reminderNote) {

	public IssuedSignal {
		documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
	}
}
