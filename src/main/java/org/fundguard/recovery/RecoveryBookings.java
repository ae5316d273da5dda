package org.fundguard.recovery;

import java.math.BigDecimal;

import org.fundguard.appeals.SignalConfirmed;
import org.fundguard.penalties.PenaltyDecided;
import org.fundguard.selfinspections.SelfInspectionRefunded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Books the ledger's rows from the other modules' events, in the publisher's transaction (as the project's events
 * are delivered), so a confirmation and its recovery commit together. Every method may run twice for one event:
 * the ledger keeps one row per source key.
 */
@Component
class RecoveryBookings {

	private final RecoveryLedger ledger;
	private final ProviderNames names;

	RecoveryBookings(RecoveryLedger ledger, ProviderNames names) {
		this.ledger = ledger;
		this.names = names;
	}

	/** One row per confirmed signal, even at ¥0 (a rule that measures no money): the ledger lists every confirmation. */
	@EventListener
	void signalConfirmed(SignalConfirmed e) {
		ledger.book(new RecoveryLedger.Booking(RecoverySource.APPEAL_OUTCOME, e.issuedSignalId(), e.providerCode(),
				names.nameOf(e.providerCode()), orZero(e.amount()), reason(e), e.confirmedOn(), e.ruleId(), e.leadId()));
	}

	/** A report that refunds nothing books nothing: there is no money to deduct. */
	@EventListener
	void selfInspectionRefunded(SelfInspectionRefunded e) {
		if (orZero(e.refunded()).signum() <= 0) {
			return;
		}
		String found = e.found() == null || e.found().isBlank() ? "" : "：" + e.found().strip();
		ledger.book(new RecoveryLedger.Booking(RecoverySource.SELF_REPORT, e.reportId(), e.providerCode(),
				names.nameOf(e.providerCode()), e.refunded(), "自查自纠主动退回" + found, e.reportedOn(), e.ruleIds(),
				e.selfInspectionId()));
	}

	/**
	 * A decision against an institution that orders a loss returned books it; the fine goes to the treasury, not the
	 * fund, and a person's penalty is no deduction from an institution's settlement.
	 */
	@EventListener
	void penaltyDecided(PenaltyDecided e) {
		if (!e.institution() || orZero(e.recovery()).signum() <= 0) {
			return;
		}
		// a case from a lead: what its confirmed signals booked is deducted already, so only the rest is booked here
		BigDecimal already = e.leadId() == null ? BigDecimal.ZERO
				: ledger.bookedUnder(RecoverySource.APPEAL_OUTCOME, e.leadId());
		BigDecimal rest = e.recovery().subtract(already);
		if (rest.signum() <= 0) {
			return;
		}
		String article = e.article() == null ? "" : "（第" + e.article() + "条）";
		String net = already.signum() > 0 ? "，已扣除该线索疑点确认追回的 ¥" + already.setScale(2, java.math.RoundingMode.HALF_UP) : "";
		ledger.book(new RecoveryLedger.Booking(RecoverySource.PENALTY, Long.toString(e.penaltyId()), e.partyKey(),
				e.partyName(), rest, "行政处罚决定 " + e.decisionNumber() + " 责令退回" + article + net, e.decidedOn(), null,
				e.caseNumber() + " " + e.decisionNumber()));
	}

	private static String reason(SignalConfirmed e) {
		String how = switch (e.how()) {
			case ACCEPTED -> "机构确认";
			case DEADLINE_PASSED -> "逾期未答复，视为确认";
			case APPEAL_REJECTED -> "申诉不成立";
		};
		return e.reason() == null || e.reason().isBlank() ? how : e.reason().strip() + "（" + how + "）";
	}

	private static BigDecimal orZero(BigDecimal amount) {
		return amount == null ? BigDecimal.ZERO : amount;
	}
}
