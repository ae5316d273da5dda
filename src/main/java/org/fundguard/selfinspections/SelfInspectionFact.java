package org.fundguard.selfinspections;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the self-inspections say about one institution and one rule, for the penalty procedure's discretion: it
 * reported the problem itself and refunded (主动退回: mitigation, 从轻/减轻), it reported without refunding, or the rule
 * was in a self-inspection it answered or let lapse without reporting it (aggravation, 从重); or none applies.
 *
 * @param selfInspectionId the self-inspection the fact comes from (0 for {@link Kind#NONE})
 * @param refunded what the institution refunded in that report, in yuan
 */
public record SelfInspectionFact(Kind kind, String ruleId, long selfInspectionId, String selfInspectionName,
		LocalDate from, LocalDate to, BigDecimal refunded, LocalDate reportedOn) {

	public enum Kind {
		/** Reported the rule's problem itself and refunded: mitigation. */
		REPORTED_AND_REFUNDED,
		/** Reported it, refunded nothing: no factor, but the reviewer should know. */
		REPORTED_NOT_REFUNDED,
		/** The rule was in its self-inspection and it did not report it (answered otherwise or missed the deadline). */
		NOT_REPORTED,
		/** No finished self-inspection of this institution covered the rule. */
		NONE
	}

	static SelfInspectionFact none(String ruleId) {
		return new SelfInspectionFact(Kind.NONE, ruleId, 0, null, null, null, null, null);
	}

	public boolean mitigating() {
		return kind == Kind.REPORTED_AND_REFUNDED;
	}

	public boolean aggravating() {
		return kind == Kind.NOT_REPORTED;
	}

	/** Why, in the words the penalty's computation and pages show. */
	public String cause() {
		return switch (kind) {
			case REPORTED_AND_REFUNDED -> "自查自纠「" + selfInspectionName + "」（" + from + " 至 " + to + "）中主动报告并退回 "
					+ refunded.toPlainString() + " 元（" + reportedOn + "）";
			case REPORTED_NOT_REFUNDED -> "自查自纠「" + selfInspectionName + "」中主动报告，未退回资金";
			case NOT_REPORTED -> "自查自纠「" + selfInspectionName + "」（" + from + " 至 " + to + "）范围内的问题，机构未主动报告";
			case NONE -> "无相关自查自纠";
		};
	}
}
