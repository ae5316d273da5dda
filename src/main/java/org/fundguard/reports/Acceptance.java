package org.fundguard.reports;

import org.fundguard.errors.Refused;

/** The report handler's acceptance decision (受理决定), as the form submits it and the process's gateway routes it. */
enum Acceptance {

	/** 受理并立案调查: a new audit case from the report's facts. */
	ACCEPT,
	/** 并入在办案件: the report joins an open case. */
	MERGE,
	/** 不予受理: the reporter is told why. */
	DECLINE;

	/** The decision a form submitted; refused when none of the three was chosen. */
	static Acceptance chosen(String submitted) {
		for (Acceptance a : values()) {
			if (a.name().equals(submitted)) {
				return a;
			}
		}
		throw Refused.because("reports.acceptance.choose");
	}
}
