package org.fundguard.penalties;

import org.fundguard.errors.Refused;

/**
 * Refuses a revision heavier than the penalty the party was notified of: the penalty may not rise because the party
 * stated its case, defended itself or asked for a hearing (Administrative Penalty Law art. 45).
 */
public class PenaltyMayNotRise extends Refused {

	PenaltyMayNotRise(ProposedPenalty revised, PenaltyCase.Notice notice) {
		super(Reason.INVALID, "penalties.proposal.may-not-rise", null,
				Yuan.format(revised.fine()) + (revised.hasMeasure() ? "、" + revised.measureText() : ""),
				Yuan.format(notice.fine()) + (Boolean.TRUE.equals(notice.termination()) ? "、解除协议"
						: notice.months() != null && notice.months() > 0 ? "、暂停 " + notice.months() + " 个月" : ""));
	}
}
