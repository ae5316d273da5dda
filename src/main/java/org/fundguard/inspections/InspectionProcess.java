package org.fundguard.inspections;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a plan's bpmn/random-inspection.bpmn, which then waits for the drafter to submit it. Its tasks are listed,
 * claimed and completed through the task gateway like every process's, by the pages and by Camunda Tasklist.
 */
@Service
public class InspectionProcess {

	private final RuntimeService runtime;
	private final InspectionPlans plans;

	InspectionProcess(RuntimeService runtime, InspectionPlans plans) {
		this.runtime = runtime;
		this.plans = plans;
	}

	/** The business key of a plan's process instance, which its tasks carry as their subject. */
	public static String subject(long planId) {
		return "plan-" + planId;
	}

	/** Creates the plan and starts its process; only an inspector drafts a plan. */
	@Transactional
	public long start(PlanDraft draft, CurrentUser user) {
		if (!user.has(Role.INSPECTOR)) {
			throw Refused.forbidden("inspections.plan.drafter-only");
		}
		return started(draft, user);
	}

	/**
	 * Starts a plan a director orders for another module (a campaign's inspection phase, 专项整治): the plan waits in
	 * Task_DraftPlan like any other, where an inspector reviews and submits it, and a director approves it.
	 */
	@Transactional
	public long startOrdered(PlanDraft draft, CurrentUser director) {
		if (!director.has(Role.DIRECTOR)) {
			throw Refused.forbidden("inspections.plan.drafter-only");
		}
		return started(draft, director);
	}

	private long started(PlanDraft draft, CurrentUser user) {
		long id = plans.create(draft, user.username());
		var instance = runtime.startProcessInstanceByKey(InspectionVariables.KEY, subject(id),
				Map.of(InspectionVariables.PLAN_ID, id, InspectionVariables.PLAN_NAME, draft.name()));
		plans.attachProcess(id, instance.getId());
		return id;
	}
}
