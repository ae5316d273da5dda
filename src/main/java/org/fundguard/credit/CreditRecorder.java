package org.fundguard.credit;

import org.fundguard.appeals.SignalConfirmed;
import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.inspections.InspectionRecorded;
import org.fundguard.inspections.InspectionResult;
import org.fundguard.penalties.PenaltyCase;
import org.fundguard.penalties.PenaltyDecided;
import org.fundguard.penalties.Penalties;
import org.fundguard.selfinspections.SelfInspectionRefunded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records credit facts from the other modules' events, in the publisher's transaction (as the recovery ledger books
 * its rows), so a confirmation or decision and its credit fact commit together. Each method may run twice for one
 * event: the store keeps one row per cause and source key.
 */
@Component
class CreditRecorder {

	private static final Logger log = LoggerFactory.getLogger(CreditRecorder.class);

	private final CreditFacts facts;
	private final CreditProperties config;
	private final ClaimsDirectory directory;
	private final Penalties penalties;

	CreditRecorder(CreditFacts facts, CreditProperties config, ClaimsDirectory directory, Penalties penalties) {
		this.facts = facts;
		this.config = config;
		this.directory = directory;
		this.penalties = penalties;
	}

	@EventListener
	void signalConfirmed(SignalConfirmed e) {
		// the signal's own reason, not its rule id: pages show no codes
		String how = switch (e.how()) {
			case ACCEPTED -> "机构确认";
			case DEADLINE_PASSED -> "逾期未答复，视为确认";
			case APPEAL_REJECTED -> "申诉不成立";
		};
		String reason = e.reason() == null || e.reason().isBlank() ? "" : "：" + e.reason().strip();
		record(CreditCause.SIGNAL_CONFIRMED, e.issuedSignalId(), e.providerCode(), null, null, e.confirmedOn(),
				-config.signalConfirmed(), "疑点经确认" + reason + "（" + how + "）", e.leadId());
	}

	/**
	 * Only decisions against institutions: a person's penalty (article 41) is no fact of an institution's credit. A
	 * suspension or termination of the agreement weighs more than the article alone.
	 */
	@EventListener
	void penaltyDecided(PenaltyDecided e) {
		if (!e.institution() || e.partyKey() == null) {
			return;
		}
		PenaltyCase.Proposal proposal = penalties.find(e.penaltyId()).map(PenaltyCase::proposal).orElse(null);
		boolean termination = proposal != null && proposal.termination();
		boolean suspension = proposal != null && proposal.hasMeasure();
		String measure = proposal != null && proposal.hasMeasure() ? "，" + proposal.measureText() : "";
		String article = e.article() == null ? "" : "（条例第" + e.article() + "条" + measure + "）";
		record(CreditCause.PENALTY_DECIDED, Long.toString(e.penaltyId()), e.partyKey(), e.partyName(), null, e.decidedOn(),
				-config.penaltyPoints(e.article(), suspension, termination),
				"行政处罚决定 " + e.decisionNumber() + article, e.caseNumber());
	}

	@EventListener
	void inspectionRecorded(InspectionRecorded e) {
		if (e.result() != InspectionResult.REFUSED_TO_COOPERATE) {
			return;
		}
		record(CreditCause.REFUSED_INSPECTION, Long.toString(e.inspectionId()), e.providerCode(), e.providerName(),
				e.providerRegion(), e.recordedOn(), -config.refusedInspection(), "现场检查中拒不配合检查",
				"检查计划 " + e.planId());
	}

	/** A report that refunds nothing earns nothing. */
	@EventListener
	void selfInspectionRefunded(SelfInspectionRefunded e) {
		if (e.refunded() == null || e.refunded().signum() <= 0) {
			return;
		}
		record(CreditCause.SELF_REPORTED_REFUND, e.reportId(), e.providerCode(), null, null, e.reportedOn(),
				config.selfReportedRefund(), "自查自纠主动退回 ¥" + e.refunded().setScale(2, java.math.RoundingMode.HALF_UP),
				e.selfInspectionId());
	}

	private void record(CreditCause cause, String key, String providerCode, String name, String region,
			java.time.LocalDate on, int points, String description, String reference) {
		if (providerCode == null || providerCode.isBlank() || key == null || on == null) {
			log.warn("credit fact {} {} without institution, key or day: not recorded", cause, key);
			return;
		}
		ClaimsDirectory.Provider provider = name != null && region != null ? null : lookUp(providerCode);
		facts.record(new CreditFacts.NewFact(cause, key, providerCode,
				name != null ? name : provider == null ? null : provider.name(),
				region != null ? region : provider == null ? null : provider.region(), on, points, description, reference));
	}

	/** The fact is recorded in the publisher's transaction: a directory that cannot answer leaves name and region empty. */
	private ClaimsDirectory.Provider lookUp(String providerCode) {
		try {
			return directory.provider(providerCode).orElse(null);
		}
		catch (RuntimeException e) {
			log.warn("no name for provider {} ({}); credit fact recorded with its code only", providerCode, e.toString());
			return null;
		}
	}
}
