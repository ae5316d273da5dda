package org.fundguard.workbench;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.calendar.DateOutsideCalendar;
import org.fundguard.calendar.Deadlines;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.ProcessVariables;
import org.springframework.stereotype.Service;

/**
 * The open tasks a user should see: assigned to him or her, or offered to one of his or her roles or to him or her by
 * name (the inspectors of an audit case). Overdue tasks first, then by due date; the due date counted in working days.
 */
@Service
class MyTasks {

	private static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");
	private static final int LIMIT = 200;

	private final TaskService tasks;
	private final Deadlines deadlines;

	MyTasks(TaskService tasks, Deadlines deadlines) {
		this.tasks = tasks;
		this.deadlines = deadlines;
	}

	List<OpenTask> of(CurrentUser user) {
		var query = tasks.createTaskQuery().active();
		if (user.groupIds().isEmpty()) {
			query.taskAssignee(user.username());
		}
		else {
			query.or().taskAssignee(user.username()).taskCandidateGroupIn(List.copyOf(user.groupIds())).endOr();
		}
		Map<String, Task> found = new LinkedHashMap<>();
		query.listPage(0, LIMIT).forEach(t -> found.put(t.getId(), t));
		// offered by name (candidate users): Camunda's candidate-user query leaves out assigned tasks, as wanted here
		tasks.createTaskQuery().active().taskCandidateUser(user.username()).listPage(0, LIMIT)
			.forEach(t -> found.putIfAbsent(t.getId(), t));
		return found.values().stream()
			.map(task -> OpenTask.of(task, user, caseNumber(task), this.deadlines))
			.sorted(Comparator.comparing((OpenTask t) -> !t.overdue())
				.thenComparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(OpenTask::created))
			.toList();
	}

	private String caseNumber(Task task) {
		Object number = task.getProcessInstanceId() == null ? null : tasks.getVariable(task.getId(), ProcessVariables.CASE_NUMBER);
		return number == null ? null : number.toString();
	}

	/**
	 * A task as the workbench lists it; times in the bureau's zone.
	 *
	 * @param workingDaysLeft working days to the due date (0 on its last day, negative once overdue); null without one
	 * @param caseNumber the audit case the task belongs to, if any
	 */
	record OpenTask(String id, String name, String processDefinitionId, boolean mine, OffsetDateTime created,
			OffsetDateTime due, boolean overdue, Integer workingDaysLeft, String caseNumber) {

		static OpenTask of(Task task, CurrentUser user, String caseNumber, Deadlines deadlines) {
			Integer left = null;
			if (task.getDueDate() != null) {
				try {
					left = deadlines.workingDaysLeft(task.getDueDate());
				}
				catch (DateOutsideCalendar e) {
					left = null;
				}
			}
			return new OpenTask(task.getId(), task.getName(), task.getProcessDefinitionId(),
					user.username().equals(task.getAssignee()), at(task.getCreateTime()), at(task.getDueDate()),
					deadlines.isOverdue(task.getDueDate()), left, caseNumber);
		}

		private static OffsetDateTime at(java.util.Date date) {
			return date == null ? null : date.toInstant().atZone(BUREAU_ZONE).toOffsetDateTime();
		}
	}
}
