package org.fundguard.penalties;

/** Where a penalty procedure stands. Stored by name; the labels are what users read. */
public enum PenaltyStatus {

	REQUESTED("待立案审批"),
	FILING_REFUSED("不予立案"),
	INVESTIGATING("调查取证"),
	PROPOSED("拟处罚待告知"),
	NOTICE_SERVED("陈述申辩期"),
	HEARING("听证"),
	LEGAL_REVIEW("法制审核"),
	DELIBERATION("集体讨论"),
	DECIDED("已作出处罚决定"),
	ENFORCING("执行中"),
	CLOSED("已结案");

	private final String label;

	PenaltyStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
