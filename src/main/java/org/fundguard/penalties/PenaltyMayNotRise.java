package org.fundguard.penalties;

/**
 * Refuses a revision heavier than the penalty the party was notified of: the penalty may not rise because the party
 * stated its case, defended itself or asked for a hearing (Administrative Penalty Law art. 45).
 */
public class PenaltyMayNotRise extends IllegalStateException {

	PenaltyMayNotRise(ProposedPenalty revised, PenaltyCase.Notice notice) {
		super("陈述申辩、听证后不得加重处罚：拟改为罚款 " + Yuan.format(revised.fine()) + (revised.hasMeasure() ? "、" + revised.measureText() : "")
				+ "，重于已告知的罚款 " + Yuan.format(notice.fine())
				+ (Boolean.TRUE.equals(notice.termination()) ? "、解除协议"
						: notice.months() != null && notice.months() > 0 ? "、暂停 " + notice.months() + " 个月" : "")
				+ "。如认定新的违法事实，须重新告知。/ the penalty may not rise after the party was heard");
	}
}
