package org.fundguard.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.calendar.BureauTime;
import org.fundguard.calendar.Deadlines;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskPages;
import org.fundguard.process.WorkItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders and escalations of every process's user tasks, whatever the module: a scan of the open tasks with a due
 * date. Due within {@code reminder-working-days} working days: a reminder to whoever may work the task (the holder, or
 * everyone it is offered to, by the task gateway's own rule, so a barred reviewer or another region's inspector named
 * nowhere on it hears nothing). Past due: an escalation (逾期督办) to the same people and to the directors. Each task
 * is reminded once and escalated once ({@code notification_task_reminder}); the scan runs on one node at a time.
 */
@Component
class TaskDeadlines {

	static final String REMINDER = "REMINDER";
	static final String ESCALATION = "ESCALATION";

	private final TaskService camunda;
	private final TaskGateway tasks;
	private final List<TaskPages> pages;
	private final Recipients recipients;
	private final Notifications notifications;
	private final Deadlines deadlines;
	private final NotificationsProperties config;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final BureauTime time;
	private final TransactionTemplate tx;

	TaskDeadlines(TaskService camunda, TaskGateway tasks, List<TaskPages> pages, Recipients recipients,
			Notifications notifications, Deadlines deadlines, NotificationsProperties config, JdbcClient jdbc, Clock clock,
			BureauTime time, TransactionTemplate tx) {
		this.tx = tx;
		this.camunda = camunda;
		this.tasks = tasks;
		this.pages = pages;
		this.recipients = recipients;
		this.notifications = notifications;
		this.deadlines = deadlines;
		this.config = config;
		this.jdbc = jdbc;
		this.clock = clock;
		this.time = time;
	}

	@Scheduled(fixedDelayString = "${fundguard.notifications.scan-interval:PT5M}",
			initialDelayString = "${fundguard.notifications.scan-interval:PT5M}")
	@SchedulerLock(name = "notifications-task-deadlines", lockAtMostFor = "PT30M")
	public void scheduledScan() {
		scan();
	}

	/**
	 * One scan; returns how many reminders and escalations were made. Each task's record and notices are one
	 * transaction, so a task is never marked reminded without its notices, and one task's failure spares the others.
	 */
	public int scan() {
		Date horizon = deadlines.workingDaysFromNow(config.reminderWorkingDays());
		int made = 0;
		List<Recipients.Recipient> everyone = recipients.all();
		for (Task t : camunda.createTaskQuery().active().dueBefore(horizon).list()) {
			Optional<WorkItem> found = tasks.find(t.getId());
			if (found.isEmpty() || found.get().due() == null || excluded(found.get())) {
				continue;
			}
			WorkItem task = found.get();
			boolean overdue = !task.due().toInstant().isAfter(clock.instant());
			String kind = overdue ? ESCALATION : REMINDER;
			Set<String> to = new LinkedHashSet<>(workers(task, everyone));
			if (overdue) {
				recipients.withRole(Role.DIRECTOR).forEach(r -> to.add(r.username()));
			}
			if (to.isEmpty()) {
				// nobody known yet (nobody who may work it has signed in): a later scan tells them, so nothing is recorded
				continue;
			}
			Boolean told = tx.execute(status -> {
				if (!firstTime(task.id(), kind)) {
					return false;
				}
				notifications.tell(to, notice(task, overdue));
				return true;
			});
			made += Boolean.TRUE.equals(told) ? 1 : 0;
		}
		return made;
	}

	/** A process ({@code signal-review}) or one of its tasks ({@code signal-review:Task_AnswerSignal}) left out. */
	private boolean excluded(WorkItem task) {
		return config.excludedTasks().contains(task.processKey())
				|| config.excludedTasks().contains(task.processKey() + ":" + task.key());
	}

	private List<String> workers(WorkItem task, List<Recipients.Recipient> everyone) {
		if (task.assignee() != null) {
			return List.of(task.assignee());
		}
		return everyone.stream().filter(r -> task.listedFor(r.asUser())).map(Recipients.Recipient::username)
			.toList();
	}

	private Notice notice(WorkItem task, boolean overdue) {
		String subject = pages.stream().map(p -> p.subjectOf(task)).flatMap(Optional::stream).findFirst()
			.orElse(task.subject() == null ? "" : task.subject());
		String link = pages.stream().map(p -> p.pageOf(task)).flatMap(Optional::stream).findFirst().orElse("/");
		String due = time.format(task.due());
		if (overdue) {
			return new Notice(NoticeKind.ESCALATION, "逾期督办：" + task.name(),
					"任务“%s”（%s）已于 %s 逾期，请尽快办理；负责人已同时收到督办通知。".formatted(task.name(), subject, due), link,
					"task:" + task.id() + ":" + ESCALATION);
		}
		return new Notice(NoticeKind.DEADLINE_REMINDER, "即将到期：" + task.name(),
				"任务“%s”（%s）将于 %s 到期，剩余 %d 个工作日，请及时办理。".formatted(task.name(), subject, due,
						task.workingDaysLeft() == null ? 0 : Math.max(0, task.workingDaysLeft())),
				link, "task:" + task.id() + ":" + REMINDER);
	}

	/** Records the task's reminder of this kind; false when it was made before. */
	private boolean firstTime(String taskId, String kind) {
		return jdbc.sql("""
				insert into notification_task_reminder (task_id, kind, created_at)
				select ?, ?, ? where not exists (select 1 from notification_task_reminder where task_id = ? and kind = ?)""")
			.params(taskId, kind, OffsetDateTime.now(clock), taskId, kind)
			.update() == 1;
	}
}
