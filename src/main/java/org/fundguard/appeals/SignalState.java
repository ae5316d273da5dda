package org.fundguard.appeals;

/** Where one issued signal stands. */
public enum SignalState {

	/** 待机构答复 */
	AWAITING("待答复"),
	/** 机构确认 */
	ACCEPTED("机构已确认"),
	/** 机构申诉，待复核 */
	APPEALED("申诉复核中"),
	/** 申诉成立：疑点作废 */
	UPHELD("申诉成立，疑点作废"),
	/** 申诉不成立：疑点确认 */
	REJECTED("申诉不成立，疑点确认"),
	/** 逾期未答复，视为确认 */
	DEADLINE_PASSED("逾期未答复，视为确认");

	private final String label;

	SignalState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Confirmed one way or another: its money is recovered. */
	public boolean confirmed() {
		return this == ACCEPTED || this == REJECTED || this == DEADLINE_PASSED;
	}
}
