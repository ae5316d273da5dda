package org.fundguard.workbench;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.identity.CurrentUser;
import org.springframework.stereotype.Service;

/** The open tasks a user should see: assigned to him or her, or offered to one of his or her roles. */
@Service
class MyTasks {

	private static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");
	private static final int LIMIT = 200;

	private final TaskService tasks;

	MyTasks(TaskService tasks) {
		this.tasks = tasks;
	}

	List<OpenTask> of(CurrentUser user) {
		var query = tasks.createTaskQuery().active();
		if (user.groupIds().isEmpty()) {
			query.taskAssignee(user.username());
		}
		else {
			query.or().taskAssignee(user.username()).taskCandidateGroupIn(List.copyOf(user.groupIds())).endOr();
		}
		return query.initializeFormKeys().listPage(0, LIMIT).stream()
			.map(task -> OpenTask.of(task, user))
			.sorted(Comparator.comparing(OpenTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(OpenTask::created))
			.toList();
	}

	/** A task as the workbench lists it; times in the bureau's zone. */
	record OpenTask(String id, String name, String processDefinitionId, boolean mine, OffsetDateTime created,
			OffsetDateTime due) {

		static OpenTask of(Task task, CurrentUser user) {
			return new OpenTask(task.getId(), task.getName(), task.getProcessDefinitionId(),
					user.username().equals(task.getAssignee()), at(task.getCreateTime()), at(task.getDueDate()));
		}

		private static OffsetDateTime at(java.util.Date date) {
			return date == null ? null : date.toInstant().atZone(BUREAU_ZONE).toOffsetDateTime();
		}
	}
}
