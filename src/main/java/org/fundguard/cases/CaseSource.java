package org.fundguard.cases;

/** Where an audit case came from (案件来源). */
public enum CaseSource {

	LEAD("智能监控线索"),
	REPORT("举报线索"),
	INSPECTION("双随机检查"),
	MANUAL("人工录入");

	private final String label;

	CaseSource(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
