package org.fundguard.process.deadlines;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.calendar.CalendarChanged;
import org.fundguard.calendar.DeadlineRecomputations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the working calendar changes, every running process deadline follows it: each timer waiting for a date and
 * each open user task's due date is computed again from its model's expression, against its execution, so no process
 * needs code of its own for it. Deadlines already passed are left as they are. Each one moved is recorded with the
 * change that moved it. Runs just before the change commits: the modules' own stored deadlines, which the
 * expressions read, have been recomputed by their listeners when the change was announced.
 */
@Component
public class RunningDeadlines {

	private static final Logger log = LoggerFactory.getLogger(RunningDeadlines.class);

	private final ManagementService management;
	private final TaskService tasks;
	private final RuntimeService runtime;
	private final RepositoryService repository;
	private final DueDateExpressions expressions;
	private final DeadlineRecomputations recomputations;
	private final Clock clock;

	public RunningDeadlines(ProcessEngine engine, DeadlineRecomputations recomputations, Clock clock) {
		this.management = engine.getManagementService();
		this.tasks = engine.getTaskService();
		this.runtime = engine.getRuntimeService();
		this.repository = engine.getRepositoryService();
		this.expressions = new DueDateExpressions(engine);
		this.recomputations = recomputations;
		this.clock = clock;
	}

	/** How many deadlines moved, and how many could not be computed again (left as they were, and logged). */
	public record Result(int moved, int failed) {
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void calendarChanged(CalendarChanged change) {
		follow(change);
	}

	public Result follow(CalendarChanged change) {
		Date now = Date.from(clock.instant());
		Map<String, String> subjects = new HashMap<>();
		int moved = 0;
		int failed = 0;
		for (Job job : management.createJobQuery().timers().duedateHigherThan(now).list()) {
			Optional<String> expression = job.getExecutionId() == null ? Optional.empty()
					: expressions.timeDateOf(job.getProcessDefinitionId(), activityOf(job));
			if (expression.isPresent()) {
				Outcome o = recompute(expression.get(), job.getExecutionId(), job.getDuedate(), now,
						due -> expressions.setJobDue(job.getId(), due));
				moved += o.moved(change, recomputations, subject(subjects, job.getProcessInstanceId()), timerOf(job));
				failed += o.failed(job.getId());
			}
		}
		for (Task task : tasks.createTaskQuery().dueAfter(now).list()) {
			Optional<String> expression = task.getProcessDefinitionId() == null || task.getExecutionId() == null
					? Optional.empty() : expressions.dueDateOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
			if (expression.isPresent()) {
				Outcome o = recompute(expression.get(), task.getExecutionId(), task.getDueDate(), now,
						due -> expressions.setTaskDue(task.getId(), due));
				moved += o.moved(change, recomputations, subject(subjects, task.getProcessInstanceId()),
						"任务“" + task.getName() + "”截止时间");
				failed += o.failed(task.getId());
			}
		}
		return new Result(moved, failed);
	}

	private Outcome recompute(String expression, String executionId, Date old, Date now,
			java.util.function.Function<Date, DueDateExpressions.Evaluation> set) {
		DueDateExpressions.Evaluation e = expressions.evaluate(expression, executionId);
		if (e.failure() != null) {
			return new Outcome(old, null, expression + ": " + e.failure());
		}
		if (e.date().equals(old)) {
			return new Outcome(old, null, null);
		}
		DueDateExpressions.Evaluation applied = set.apply(e.date());
		return applied.failure() == null ? new Outcome(old, e.date(), null) : new Outcome(old, null, applied.failure());
	}

	private record Outcome(Date from, Date to, String failure) {

		int moved(CalendarChanged change, DeadlineRecomputations recomputations, String subject, String deadline) {
			if (to == null) {
				return 0;
			}
			recomputations.record(change, subject, deadline, from, to);
			return 1;
		}

		int failed(String id) {
			if (failure == null) {
				return 0;
			}
			RunningDeadlines.log.warn("deadline of {} not recomputed after the calendar change: {}", id, failure);
			return 1;
		}
	}

	/** The timer as its model names it (立案期限届满); its id only when the model gives it no name. */
	private String timerOf(Job job) {
		String activity = activityOf(job);
		ModelElementInstance element = repository.getBpmnModelInstance(job.getProcessDefinitionId())
			.getModelElementById(activity);
		String name = element instanceof FlowElement f ? f.getName() : null;
		return "定时器“" + (name == null || name.isBlank() ? activity : name) + "”";
	}

	private String activityOf(Job job) {
		JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
			.singleResult();
		return definition == null ? "" : definition.getActivityId();
	}

	/** The process and its business key (a case, report or plan number), as the change log names it. */
	private String subject(Map<String, String> known, String processInstanceId) {
		return known.computeIfAbsent(processInstanceId, id -> {
			ProcessInstance p = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
			if (p == null) {
				return "流程实例 " + id;
			}
			// the model's own name (稽核案件), not its key: the change log is read by the bureau's administrators
			String process = repository.getProcessDefinition(p.getProcessDefinitionId()).getName();
			return process + " " + (p.getBusinessKey() == null ? id : p.getBusinessKey()) + "（流程实例 " + id + "）";
		});
	}
}
