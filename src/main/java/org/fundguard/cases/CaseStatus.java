package org.fundguard.cases;

/** Where a case stands. Stored by name; the labels are what users read. */
public enum CaseStatus {

	TRIAGE("待立案审查"),
	ACCEPTED("已立案"),
	INVESTIGATING("调查中"),
	FINDINGS("已认定"),
	PENALTY("行政处罚程序中"),
	TRANSFERRED("已移送"),
	MERGED("已并案"),
	DISMISSED("不予立案"),
	CLOSED("已结案");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isOpen() {
		return this != MERGED && this != DISMISSED && this != CLOSED;
	}
}
