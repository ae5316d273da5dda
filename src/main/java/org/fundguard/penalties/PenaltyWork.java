package org.fundguard.penalties;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.TaskForm;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Service;

/**
 * The tasks of the penalty procedure and its legal review as the penalty pages and API offer them, through the task
 * gateway: listed, claimed and completed by the same rules as in the workbench and Camunda Tasklist (the procedure's
 * own rules are the tasks' listeners). A task the user may not work is not found, so its existence is not disclosed.
 */
@Service
public class PenaltyWork {

	private static final String[] PROCESSES = { PenaltyVariables.PENALTY_DECISION, PenaltyVariables.LEGAL_REVIEW };

	/** A task of the penalty procedure as the pages and the API show it. */
	public record PenaltyTask(String id, String key, String name, String assignee, Date due, Date created,
			List<String> groups, long penaltyId, String caseNumber) {
	}

	private final TaskGateway tasks;

	PenaltyWork(TaskGateway tasks) {
		this.tasks = tasks;
	}

	/** The user's open penalty tasks: assigned to the user or offered to one of the user's roles. */
	public List<PenaltyTask> openFor(CurrentUser user) {
		return tasks.openFor(user, PROCESSES).stream().map(this::view).toList();
	}

	/** The open tasks of one procedure. */
	public List<PenaltyTask> openOf(long penaltyId) {
		return tasks.openWhere(PenaltyVariables.PENALTY_ID, penaltyId, PROCESSES).stream().map(this::view).toList();
	}

	/** The task, if it is a penalty task the user holds or is offered. */
	public PenaltyTask find(String taskId, CurrentUser user) {
		return view(workable(taskId, user));
	}

	public void claim(String taskId, CurrentUser user) {
		workable(taskId, user);
		tasks.claim(taskId, user);
	}

	/** The task's form with the current values of its fields. */
	public TaskForm form(String taskId) {
		return tasks.form(taskId);
	}

	/** Completes the task as the user with the submitted values of its form's fields (claiming it if need be). */
	public void complete(String taskId, CurrentUser user, Map<String, String> submitted) {
		workable(taskId, user);
		tasks.complete(taskId, user, submitted);
	}

	/**
	 * Completes the task with the fields a program sent; a field it left out keeps its current value (the API has
	 * always changed only what it was sent).
	 */
	public void completeWithCurrentValues(String taskId, CurrentUser user, Map<String, ?> sent) {
		workable(taskId, user);
		Map<String, String> submitted = new LinkedHashMap<>();
		for (TaskForm.Field field : tasks.form(taskId).fields()) {
			if (field.submitted()) {
				Object value = sent.containsKey(field.key()) ? sent.get(field.key()) : field.value();
				submitted.put(field.key(), value == null ? "" : value.toString());
			}
		}
		tasks.complete(taskId, user, submitted);
	}

	/** The user may work the task now or after claiming it: pages show its claim button and form only then. */
	/** Whether the user may open the task's page (it is offered to the user, or the user's to see). */
	public boolean mayOpen(String taskId, CurrentUser user) {
		return tasks.find(taskId).filter(PenaltyWork::ofPenalties).filter(t -> t.visibleTo(user)).isPresent();
	}

	public boolean mayWork(String taskId, CurrentUser user) {
		return workable(taskId, user).workableBy(user);
	}

	private WorkItem workable(String taskId, CurrentUser user) {
		return tasks.find(taskId)
			.filter(PenaltyWork::ofPenalties)
			.filter(t -> t.visibleTo(user))
			.orElseThrow(() -> Refused.notFound("process.task.not-open"));
	}

	private static boolean ofPenalties(WorkItem task) {
		return Set.of(PROCESSES).contains(task.processKey());
	}

	private PenaltyTask view(WorkItem t) {
		long penaltyId = ((Number) tasks.variable(t.id(), PenaltyVariables.PENALTY_ID)).longValue();
		return new PenaltyTask(t.id(), t.key(), t.name(), t.assignee(), t.due() == null ? null : Date.from(t.due().toInstant()),
				t.created() == null ? null : Date.from(t.created().toInstant()), t.candidateGroups(), penaltyId, t.subject());
	}
}
