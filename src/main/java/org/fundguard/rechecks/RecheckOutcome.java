package org.fundguard.rechecks;

import org.fundguard.errors.Refused;

/** What a re-check found (复查结论). Anything but upholding goes to a director's sign-off. */
public enum RecheckOutcome {

	UPHELD("维持原结论"), CORRECTION("发现问题需纠正"), FURTHER_HANDLING("发现新问题需立案查处");

	private final String label;

	RecheckOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean needsSignOff() {
		return this != UPHELD;
	}

	/** The outcome a form submitted; refused when none was chosen. */
	public static RecheckOutcome chosen(String submitted) {
		for (RecheckOutcome o : values()) {
			if (o.name().equals(submitted)) {
				return o;
			}
		}
		throw Refused.because("rechecks.item.choose-outcome");
	}
}
