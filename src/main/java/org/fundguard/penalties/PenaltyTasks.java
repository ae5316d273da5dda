package org.fundguard.penalties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.ProcessKeys;
import org.fundguard.process.ProcessVariables;
import org.springframework.stereotype.Service;

/**
 * The user tasks of the penalty and legal-review processes as FundGuard's pages and API offer them: who may see,
 * claim and complete which. The rules of each step (separation of duties, no rise after defence, the checklist)
 * live in the processes' task listeners, so they hold here and in Camunda Tasklist alike.
 */
@Service
public class PenaltyTasks {

	/** A task of the penalty procedure. */
	public record PenaltyTask(String id, String key, String name, String assignee, java.util.Date due,
			java.util.Date created, List<String> groups, long penaltyId, String caseNumber) {
	}

	/** A refusal from the process (a rule of the procedure), with the message users should read. */
	public static class Refused extends RuntimeException {
		Refused(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private static final String[] KEYS = { ProcessKeys.PENALTY_DECISION, ProcessKeys.LEGAL_REVIEW };

	private final TaskService tasks;

	PenaltyTasks(TaskService tasks) {
		this.tasks = tasks;
	}

	public List<PenaltyTask> openFor(CurrentUser user) {
		var query = tasks.createTaskQuery().active().processDefinitionKeyIn(KEYS);
		if (user.groupIds().isEmpty()) {
			query.taskAssignee(user.username());
		}
		else {
			query.or().taskAssignee(user.username()).taskCandidateGroupIn(List.copyOf(user.groupIds())).endOr();
		}
		return query.orderByTaskCreateTime().asc().listPage(0, 200).stream().map(this::view).toList();
	}

	public List<PenaltyTask> openOf(long penaltyId) {
		return tasks.createTaskQuery().active().processDefinitionKeyIn(KEYS)
			.processVariableValueEquals(ProcessVariables.PENALTY_ID, penaltyId)
			.list().stream().map(this::view).toList();
	}

	/** The task, if it is a penalty task the user may work on: assigned to him or her, or offered to one of the roles. */
	public Optional<PenaltyTask> find(String taskId, CurrentUser user) {
		Task task = tasks.createTaskQuery().taskId(taskId).processDefinitionKeyIn(KEYS).singleResult();
		if (task == null) {
			return Optional.empty();
		}
		PenaltyTask view = view(task);
		boolean mine = user.username().equals(task.getAssignee());
		boolean offered = view.groups().stream().anyMatch(user.groupIds()::contains);
		return mine || offered ? Optional.of(view) : Optional.empty();
	}

	public void claim(PenaltyTask task, CurrentUser user) {
		if (task.assignee() != null && !task.assignee().equals(user.username())) {
			throw new Refused("任务已由 " + task.assignee() + " 认领", null);
		}
		if (task.assignee() == null) {
			run(() -> tasks.claim(task.id(), user.username()));
		}
	}

	/** Claims the task if nobody has, then completes it with the form's fields. */
	public void complete(PenaltyTask task, CurrentUser user, Map<String, Object> fields) {
		claim(task, user);
		run(() -> tasks.complete(task.id(), new HashMap<>(fields)));
	}

	public Map<String, Object> variables(String taskId) {
		return tasks.getVariables(taskId);
	}

	private PenaltyTask view(Task task) {
		List<String> groups = new ArrayList<>();
		for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		Object penaltyId = tasks.getVariable(task.getId(), ProcessVariables.PENALTY_ID);
		Object caseNumber = tasks.getVariable(task.getId(), ProcessVariables.CASE_NUMBER);
		return new PenaltyTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
				task.getDueDate(), task.getCreateTime(), List.copyOf(groups),
				penaltyId == null ? 0 : ((Number) penaltyId).longValue(), caseNumber == null ? "" : caseNumber.toString());
	}

	private static void run(Runnable call) {
		try {
			call.run();
		}
		catch (ProcessEngineException | IllegalStateException | IllegalArgumentException e) {
			// task listeners refuse with a rule's own exception, which the engine wraps
			throw new Refused(reason(e), e);
		}
	}

	/** The innermost message: the rule that refused, not the engine's wrapper around it. */
	static String reason(Throwable e) {
		Throwable root = rootOf(e);
		return root.getMessage() == null ? e.getMessage() : root.getMessage();
	}

	private static Throwable rootOf(Throwable e) {
		Throwable root = e;
		Set<Throwable> seen = new java.util.HashSet<>();
		while (root.getCause() != null && seen.add(root)) {
			root = root.getCause();
		}
		return root;
	}
}
