package org.fundguard.inspections;

import org.fundguard.errors.Refused;

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

	/** The result a form submitted; refused when none was chosen. */
	public static InspectionResult chosen(String submitted) {
		for (InspectionResult r : values()) {
			if (r.name().equals(submitted)) {
				return r;
			}
		}
		throw Refused.because("inspections.inspection.choose-result");
	}
}
