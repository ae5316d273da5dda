package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.Findings;
import org.fundguard.cases.Intent;
import org.fundguard.cases.NewCase;
import org.fundguard.cases.PenaltyProcedureRequested;
import org.fundguard.cases.SubjectType;
import org.fundguard.process.ProcessVariables;
import org.fundguard.record.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Drives a penalty procedure through its tasks the way users would: claim, then complete with the form's fields. */
final class PenaltyDriver {

	static final Actor INSPECTOR = new Actor("inspector1", "inspector");

	final AuditCases cases;
	final Penalties penalties;
	final RuntimeService runtime;
	final TaskService tasks;
	final ManagementService management;
	final ApplicationEventPublisher events;
	final TransactionTemplate tx;

	long caseId;
	long penaltyId;
	String providerCode;
	ProcessInstance instance;

	PenaltyDriver(AuditCases cases, Penalties penalties, RuntimeService runtime, TaskService tasks,
			ManagementService management, ApplicationEventPublisher events, TransactionTemplate tx) {
		this.cases = cases;
		this.penalties = penalties;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.events = events;
		this.tx = tx;
	}

	/** Opens a case, records findings as inspector1 and hands it over the way the audit case does: by the event. */
	PenaltyDriver handOver(SubjectType subject, String name, String loss, Intent intent, String... articles) {
		providerCode = "H3703" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		AuditCase c = cases.open(new NewCase(subject, providerCode, name, "370302", CaseSource.LEAD, "lead-1",
				new BigDecimal(loss), "疑似" + intent.label(), OffsetDateTime.now(), new Actor("director1", "director")));
		caseId = c.id();
		cases.recordFindings(new Findings(caseId, true, new BigDecimal(loss), List.of(articles), intent,
				"2026年1月至6月间重复收费、串换项目收费", null, null), INSPECTOR, List.of("a".repeat(64)));
		tx.executeWithoutResult(s -> events.publishEvent(new PenaltyProcedureRequested(caseId, c.number(), INSPECTOR)));
		PenaltyCase p = penalties.ofCase(caseId).getLast();
		penaltyId = p.id();
		instance = runtime.createProcessInstanceQuery().processInstanceId(p.processInstanceId()).singleResult();
		assertThat(instance).as("the hand-over started the penalty process").isNotNull();
		return this;
	}

	Task task(String key) {
		return tasks.createTaskQuery()
			.processVariableValueEquals(ProcessVariables.PENALTY_ID, penaltyId)
			.taskDefinitionKey(key)
			.singleResult();
	}

	/** Claims the task as the user and completes it with the form fields given as name, value pairs. */
	PenaltyDriver complete(String key, String user, Object... fields) {
		Task t = task(key);
		assertThat(t).as("open task " + key).isNotNull();
		if (t.getAssignee() == null) {
			tasks.claim(t.getId(), user);
		}
		else if (!t.getAssignee().equals(user)) {
			tasks.setAssignee(t.getId(), user);
		}
		Map<String, Object> vars = new HashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			vars.put((String) fields[i], fields[i + 1]);
		}
		tasks.complete(t.getId(), vars);
		return this;
	}

	Job timer(String activityId) {
		return management.createJobQuery().activityId(activityId).list().stream()
			.filter(j -> runtime.createExecutionQuery().executionId(j.getExecutionId())
				.processVariableValueEquals(ProcessVariables.PENALTY_ID, penaltyId).count() > 0)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no timer at " + activityId));
	}

	void fire(String activityId) {
		management.executeJob(timer(activityId).getId());
	}

	PenaltyCase penalty() {
		return penalties.get(penaltyId);
	}

	// ---- common stretches of the path ----

	PenaltyDriver fileAndPropose(String factors) {
		complete("Task_ApproveFiling", "director1", "filingApproved", true, "filingOpinion", "事实基本清楚，同意立案");
		complete("Task_Investigate", "inspector1", "investigationNote", "调取结算数据，现场检查，询问笔录 3 份", "complexCase", false);
		complete("Task_ProposePenalty", "inspector1", "factors", factors);
		return this;
	}

	PenaltyDriver serveNotice() {
		return complete("Task_ServeNotice", "inspector2", "serviceMethod", "直接送达");
	}

	PenaltyDriver decideServePublish() {
		complete("Task_MakeDecision", "director1", "decisionNote", "同意");
		complete("Task_ServeDecision", "inspector2", "serviceMethod", "直接送达");
		complete("Task_PublishDecision", "director1", "publishConfirmed", true);
		return this;
	}
}
