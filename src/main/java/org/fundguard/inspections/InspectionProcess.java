package org.fundguard.inspections;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.ProcessKeys;
import org.fundguard.process.ProcessVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workbench's side of bpmn/random-inspection.bpmn: starts a plan's process and completes its tasks as the
 * signed-in user, exactly as Camunda Tasklist would (the same variables, the same task listeners).
 */
@Service
public class InspectionProcess {

	private final RuntimeService runtime;
	private final TaskService tasks;
	private final IdentityService identity;
	private final InspectionPlans plans;
	private final InspectionsProperties properties;

	InspectionProcess(RuntimeService runtime, TaskService tasks, IdentityService identity, InspectionPlans plans,
			InspectionsProperties properties) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
		this.plans = plans;
		this.properties = properties;
	}

	/** Creates the plan and starts its process, waiting for the drafter to submit it. */
	@Transactional
	public long start(PlanDraft draft, CurrentUser user) {
		long id = plans.create(draft, user.username());
		var instance = runtime.startProcessInstanceByKey(ProcessKeys.RANDOM_INSPECTION, "plan-" + id,
				Map.of(ProcessVariables.PLAN_ID, id, ProcessVariables.PLAN_NAME, draft.name(),
						ProcessVariables.RESULT_PUBLICATION_DAYS, properties.resultPublicationWorkingDays()));
		plans.attachProcess(id, instance.getId());
		return id;
	}

	/** The plan's open task with that definition key (Task_DraftPlan, Task_ApprovePlan, Task_DecideStoppedDraw). */
	public Optional<Task> planTask(long planId, String definitionKey) {
		String instance = plans.get(planId).processInstanceId();
		return instance == null ? Optional.empty()
				: tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(definitionKey).list().stream().findFirst();
	}

	/** The open task of one inspection (Task_InspectOnSite, Task_PublishResult or Task_PublishOverdueResult). */
	public Optional<Task> inspectionTask(Inspection inspection) {
		String instance = plans.get(inspection.planId()).processInstanceId();
		if (instance == null) {
			return Optional.empty();
		}
		return tasks.createTaskQuery().processInstanceId(instance).list().stream()
			.filter(t -> Long.valueOf(inspection.id()).equals(tasks.getVariable(t.getId(), ProcessVariables.INSPECTION_ID)))
			.findFirst();
	}

	/** Whether the user may work the task: one of its candidate groups, or its assignee. */
	public boolean mayWork(Task task, CurrentUser user) {
		if (user.username().equals(task.getAssignee())) {
			return true;
		}
		return tasks.getIdentityLinksForTask(task.getId()).stream()
			.anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null
					&& user.groupIds().contains(l.getGroupId()));
	}

	/** Completes the task as the user; the task listeners carry out the step and may refuse it. */
	public void complete(Task task, CurrentUser user, Map<String, Object> variables) {
		if (!mayWork(task, user)) {
			throw new IllegalStateException("您不能办理任务“" + task.getName() + "”");
		}
		identity.setAuthentication(user.username(), List.copyOf(user.groupIds()));
		try {
			if (task.getAssignee() == null) {
				tasks.setAssignee(task.getId(), user.username());
			}
			tasks.complete(task.getId(), variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}
}
