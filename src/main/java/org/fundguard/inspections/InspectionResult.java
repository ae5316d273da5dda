package org.fundguard.inspections;

/** The four results of an on-site inspection (检查结果). */
public enum InspectionResult {

	NO_PROBLEM("未发现问题"), CORRECTED_ON_SITE("发现问题已当场整改"), REFUSED_TO_COOPERATE("拒不配合检查"),
	FURTHER_HANDLING("发现问题需进一步处理");

	private final String label;

	InspectionResult(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
