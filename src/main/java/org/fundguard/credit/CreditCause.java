package org.fundguard.credit;

/** Why an institution's credit moved: each cause is one kind of recorded fact. */
public enum CreditCause {

	SIGNAL_CONFIRMED("疑点确认"), PENALTY_DECIDED("行政处罚决定"), REFUSED_INSPECTION("拒不配合现场检查"),
	SELF_REPORTED_REFUND("自查自纠主动退回");

	private final String label;

	CreditCause(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
