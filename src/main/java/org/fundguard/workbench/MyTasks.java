package org.fundguard.workbench;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.fundguard.identity.CurrentUser;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskPages;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Service;

/**
 * The user's open tasks as the workbench lists them, each with the page of the module that works it (or none: then
 * Camunda Tasklist works it).
 */
@Service
class MyTasks {

	private final TaskGateway tasks;
	private final List<TaskPages> pages;

	MyTasks(TaskGateway tasks, List<TaskPages> pages) {
		this.tasks = tasks;
		this.pages = pages;
	}

	List<OpenTask> of(CurrentUser user) {
		return tasks.openFor(user).stream().map(t -> OpenTask.of(t, user, pageOf(t), subjectOf(t))).toList();
	}

	private String pageOf(WorkItem task) {
		return pages.stream().map(p -> p.pageOf(task)).flatMap(Optional::stream).findFirst().orElse(null);
	}

	private String subjectOf(WorkItem task) {
		return pages.stream().map(p -> p.subjectOf(task)).flatMap(Optional::stream).findFirst().orElse(task.subject());
	}

	/**
	 * A task as the workbench and {@code GET /api/tasks/mine} show it; times in the bureau's zone.
	 *
	 * @param subject the case, report or plan number the task is about
	 * @param page the path of the page that works it; null when Camunda Tasklist does
	 * @param workingDaysLeft working days to the due date (0 on its last day, negative once overdue); null without one
	 */
	record OpenTask(String id, String key, String name, String processKey, String subject, String page, boolean mine,
			boolean claimable, OffsetDateTime created, OffsetDateTime due, boolean overdue, Integer workingDaysLeft,
			boolean dueProvisional) {

		static OpenTask of(WorkItem t, CurrentUser user, String page, String subject) {
			return new OpenTask(t.id(), t.key(), t.name(), t.processKey(), subject, page, t.mine(user),
					t.claimable(user), t.created(), t.due(), t.overdue(), t.workingDaysLeft(), t.dueProvisional());
		}
	}
}
