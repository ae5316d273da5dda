package org.fundguard.focus;

import java.util.Arrays;

import org.fundguard.errors.Refused;

/** The assessed risk of a fund (风险等级), as the assessment form offers it. */
public enum RiskLevel {

	HIGH("高风险"), MEDIUM("中风险"), LOW("低风险");

	private final String label;

	RiskLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static RiskLevel parse(String code) {
		return Arrays.stream(values()).filter(l -> l.name().equals(code)).findFirst()
			.orElseThrow(() -> Refused.because("focus.assessment.risk-level-required"));
	}
}
