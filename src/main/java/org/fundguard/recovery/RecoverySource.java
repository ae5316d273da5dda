package org.fundguard.recovery;

/** Where a recovery comes from; the name is what the ledger and the export store, the label what pages show. */
public enum RecoverySource {

	/** An issued signal was confirmed: accepted, its deadline passed, or its appeal rejected. */
	APPEAL_OUTCOME("疑点确认"),
	/** An institution reported and refunded it in a self-inspection (自查自纠). */
	SELF_REPORT("自查自纠主动退回"),
	/** A penalty decision ordered the loss returned (责令退回、没收违法所得). */
	PENALTY("行政处罚责令退回");

	private final String label;

	RecoverySource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
