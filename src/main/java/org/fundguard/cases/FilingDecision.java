package org.fundguard.cases;

import java.util.Arrays;
import java.util.Optional;

/** The director's filing decision (立案审查结论); form values and the kept decision are the names. */
public enum FilingDecision {

	ACCEPT("立案"),
	MERGE("并入同一对象的在办案件"),
	DISMISS("不予立案");

	private final String label;

	FilingDecision(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The decision of that name, or empty for anything else (nothing chosen, an unknown value). */
	public static Optional<FilingDecision> of(String value) {
		return Arrays.stream(values()).filter(d -> d.name().equals(value == null ? "" : value.trim())).findFirst();
	}
}
