package org.fundguard.focus;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.inspections.InspectionRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the last inspection of a focused inspection's plan has its result recorded, the focused inspection goes on to
 * its assessment: the director's waiting task is interrupted by the message. In the recording's transaction, so that
 * the record and the step stand or fall together.
 */
@Component
class PlanInspectionsFollower {

	private final FocusedInspections focus;
	private final RuntimeService runtime;

	PlanInspectionsFollower(FocusedInspections focus, RuntimeService runtime) {
		this.focus = focus;
		this.runtime = runtime;
	}

	@EventListener
	void on(InspectionRecorded recorded) {
		focus.doneWithPlan(recorded.planId()).ifPresent(id -> runtime
			.createMessageCorrelation(FocusVariables.MESSAGE_PLAN_INSPECTIONS_RECORDED)
			.processInstanceBusinessKey(FocusedInspections.subject(id))
			.processInstanceVariableEquals(FocusVariables.FOCUS_ID, id)
			.correlateAll());
	}
}
