package org.fundguard.penalties.review;

import java.util.Arrays;
import java.util.Optional;

/** The legal reviewer's conclusion (审核结论); the form's values are the names. */
public enum ReviewOutcome {

	APPROVE("审核通过"),
	RETURN("退回补正");

	private final String label;

	ReviewOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The outcome of that name, or empty for anything else (nothing chosen, an unknown value). */
	public static Optional<ReviewOutcome> of(String value) {
		return Arrays.stream(values()).filter(o -> o.name().equals(value == null ? "" : value.trim())).findFirst();
	}
}
