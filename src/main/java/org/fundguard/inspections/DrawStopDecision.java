package org.fundguard.inspections;

import org.fundguard.errors.Refused;

/** After a stopped draw the director retries it with a new commitment or returns the plan to its drafter. */
public enum DrawStopDecision {

	RETRY, RETURN;

	/** The decision a form submitted; refused when neither was chosen. */
	public static DrawStopDecision chosen(String submitted) {
		for (DrawStopDecision d : values()) {
			if (d.name().equals(submitted)) {
				return d;
			}
		}
		throw Refused.because("inspections.draw.choose-decision");
	}
}
