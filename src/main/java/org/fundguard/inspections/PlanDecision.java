package org.fundguard.inspections;

import org.fundguard.errors.Refused;

/** The director's decision on a submitted plan, as the approval form submits it and the process routes it. */
public enum PlanDecision {

	APPROVE, RETURN;

	/** The decision a form submitted; refused when neither was chosen. */
	public static PlanDecision chosen(String submitted) {
		for (PlanDecision d : values()) {
			if (d.name().equals(submitted)) {
				return d;
			}
		}
		throw Refused.because("inspections.plan.choose-decision");
	}
}
