package org.fundguard.inspections;

import java.util.Optional;

import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskPages;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Component;

/**
 * A random-inspection plan's own tasks (draft, approval, stopped draw) are worked on the plan's page, each
 * inspection's (on-site record, publication) on the inspection's page.
 */
@Component
class InspectionTaskPages implements TaskPages {

	private final TaskGateway tasks;
	private final InspectionPlans plans;

	InspectionTaskPages(TaskGateway tasks, InspectionPlans plans) {
		this.tasks = tasks;
		this.plans = plans;
	}

	/** The plan's name, which its users know it by. */
	@Override
	public Optional<String> subjectOf(WorkItem task) {
		if (!InspectionVariables.KEY.equals(task.processKey())) {
			return Optional.empty();
		}
		return tasks.variable(task.id(), InspectionVariables.PLAN_ID) instanceof Number planId
				? Optional.of(plans.get(planId.longValue()).draft().name())
				: Optional.empty();
	}

	@Override
	public Optional<String> pageOf(WorkItem task) {
		if (!InspectionVariables.KEY.equals(task.processKey())) {
			return Optional.empty();
		}
		if (InspectionsPage.PLAN_TASKS.contains(task.key())) {
			return Optional.of("/inspections/plans/" + tasks.variable(task.id(), InspectionVariables.PLAN_ID));
		}
		// one inspection of the plan: its id is the multi-instance element variable the task sees
		return Optional.of("/inspections/inspections/" + tasks.variable(task.id(), InspectionVariables.INSPECTION_ID));
	}
}
