package org.fundguard.process.deadlines;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.calendar.DateTimeUtil;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SetJobDuedateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A deadline's expression as the model wrote it ({@code camunda:dueDate} of a user task, the {@code timeDate} of a
 * timer) evaluated again against the execution it belongs to, and the new date set on the task or the job. Timers
 * that wait a duration or repeat are not deadlines counted in days and are never touched. Runs as engine commands
 * (the engine's expression manager and beans, no authorization check: the calendar's administrator moves deadlines
 * of processes he or she may not see) inside the caller's transaction.
 */
class DueDateExpressions {

	private final ProcessEngineConfigurationImpl config;
	private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

	DueDateExpressions(ProcessEngine engine) {
		this.config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
	}

	/** The {@code timeDate} expression of the timer event, if that is how it is defined. */
	Optional<String> timeDateOf(String processDefinitionId, String activityId) {
		ModelElementInstance element = model(processDefinitionId).getModelElementById(activityId);
		if (!(element instanceof CatchEvent event)) {
			return Optional.empty();
		}
		return event.getEventDefinitions().stream()
			.filter(TimerEventDefinition.class::isInstance)
			.map(TimerEventDefinition.class::cast)
			.filter(t -> t.getTimeDate() != null && t.getTimeDuration() == null && t.getTimeCycle() == null)
			.map(t -> t.getTimeDate().getTextContent().strip())
			.findFirst();
	}

	/** The {@code camunda:dueDate} expression of the user task, if it has one. */
	Optional<String> dueDateOf(String processDefinitionId, String taskDefinitionKey) {
		ModelElementInstance element = model(processDefinitionId).getModelElementById(taskDefinitionKey);
		return element instanceof UserTask task && task.getCamundaDueDate() != null && !task.getCamundaDueDate().isBlank()
				? Optional.of(task.getCamundaDueDate().strip())
				: Optional.empty();
	}

	/** The expression's date for the execution now; failure is a result, so the caller's transaction stays sound. */
	Evaluation evaluate(String expression, String executionId) {
		return run(context -> {
			ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
			if (execution == null) {
				return Evaluation.failed("execution " + executionId + " is gone");
			}
			Object value = config.getExpressionManager().createExpression(expression).getValue((VariableScope) execution);
			return switch (value) {
				case Date d -> Evaluation.of(d);
				case String s when !s.isBlank() && Character.isDigit(s.charAt(0)) -> Evaluation.of(DateTimeUtil.parseDate(s));
				case null -> Evaluation.failed(expression + " gave no date");
				default -> Evaluation.failed(expression + " gave " + value.getClass().getSimpleName() + ", not a date");
			};
		});
	}

	Evaluation setJobDue(String jobId, Date due) {
		return run(context -> {
			new SetJobDuedateCmd(jobId, due, false).execute(context);
			return Evaluation.of(due);
		});
	}

	Evaluation setTaskDue(String taskId, Date due) {
		return run(context -> {
			new SetTaskDueDateCmd(taskId, due).execute(context);
			return Evaluation.of(due);
		});
	}

	private Evaluation run(Command<Evaluation> command) {
		return config.getCommandExecutorTxRequired().execute(context -> unchecked(context, command));
	}

	private static Evaluation unchecked(CommandContext context, Command<Evaluation> command) {
		boolean checking = context.isAuthorizationCheckEnabled();
		context.disableAuthorizationCheck();
		try {
			return command.execute(context);
		}
		catch (RuntimeException e) {
			return Evaluation.failed(e.getMessage());
		}
		finally {
			context.setAuthorizationCheckEnabled(checking);
		}
	}

	private BpmnModelInstance model(String processDefinitionId) {
		return models.computeIfAbsent(processDefinitionId, id -> config.getRepositoryService().getBpmnModelInstance(id));
	}

	/** A date, or why there is none. */
	record Evaluation(Date date, String failure) {

		static Evaluation of(Date date) {
			return new Evaluation(date, null);
		}

		static Evaluation failed(String why) {
			return new Evaluation(null, why == null ? "failed" : why);
		}
	}
}
