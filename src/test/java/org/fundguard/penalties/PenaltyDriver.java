package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCaseVariables;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.Findings;
import org.fundguard.cases.Intent;
import org.fundguard.cases.NewCase;
import org.fundguard.cases.SubjectType;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.record.Actor;

/**
 * Drives a penalty procedure the way users would: the audit case's director decides on a penalty, the audit case calls
 * the procedure, and every task is worked through the task gateway with the form's fields as the pages send them.
 */
final class PenaltyDriver {

	static final Actor INSPECTOR = new Actor("inspector1", "inspector");

	/** The demo users, with the roles the realm gives them. */
	static final Map<String, CurrentUser> USERS = Map.of(
			"director1", new CurrentUser("director1", "刘强", Set.of(Role.DIRECTOR)),
			"inspector1", new CurrentUser("inspector1", "张伟", Set.of(Role.INSPECTOR)),
			"inspector2", new CurrentUser("inspector2", "李娜", Set.of(Role.INSPECTOR)),
			"reviewer1", new CurrentUser("reviewer1", "王芳", Set.of(Role.LEGAL_REVIEWER)),
			"reviewer2", new CurrentUser("reviewer2", "周敏", Set.of(Role.LEGAL_REVIEWER, Role.INSPECTOR)));

	final AuditCases cases;
	final Penalties penalties;
	final RuntimeService runtime;
	final TaskService tasks;
	final ManagementService management;
	final TaskGateway gateway;

	long caseId;
	String caseNumber;
	long penaltyId;
	String providerCode;
	/** The audit case's process, which calls the penalty procedure. */
	ProcessInstance auditCase;
	/** The penalty procedure's process. */
	ProcessInstance instance;

	PenaltyDriver(AuditCases cases, Penalties penalties, RuntimeService runtime, TaskService tasks,
			ManagementService management, TaskGateway gateway) {
		this.cases = cases;
		this.penalties = penalties;
		this.runtime = runtime;
		this.tasks = tasks;
		this.management = management;
		this.gateway = gateway;
	}

	/**
	 * Opens a case, records findings as inspector1 and has the director decide on a penalty: the audit case calls the
	 * penalty procedure. The case's process is moved to the outcome decision (its investigation is not what these
	 * tests are about; AuditCaseProcessTest covers it).
	 */
	/** What the inspector wrote as findings; users end it with a full stop or not. */
	String findingsSummary = "2026年1月至6月间重复收费、串换项目收费";

	PenaltyDriver handOver(SubjectType subject, String name, String loss, Intent intent, String... articles) {
		providerCode = "H3703" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		AuditCase c = cases.open(new NewCase(subject, providerCode, name, "370302", CaseSource.LEAD, "lead-1",
				new BigDecimal(loss), "疑似" + intent.label(), OffsetDateTime.now(), new Actor("director1", "director")));
		caseId = c.id();
		caseNumber = c.number();
		cases.recordFindings(new Findings(caseId, true, new BigDecimal(loss), List.of(articles), intent,
				findingsSummary, null, null), INSPECTOR, List.of("a".repeat(64)));
		auditCase = runtime.createProcessInstanceQuery().processDefinitionKey(AuditCaseVariables.PROCESS)
			.processInstanceBusinessKey(caseNumber).singleResult();
		runtime.createProcessInstanceModification(auditCase.getId()).cancelAllForActivity("Task_DecideWhetherToFile")
			.startBeforeActivity("Task_DecideOutcome").execute();
		Task outcome = tasks.createTaskQuery().processInstanceId(auditCase.getId()).taskDefinitionKey("Task_DecideOutcome")
			.singleResult();
		gateway.complete(outcome.getId(), USERS.get("director1"),
				Map.of(AuditCaseVariables.OUTCOME, "PENALTY", AuditCaseVariables.OUTCOME_REASON, "移交行政处罚"));
		instance = runtime.createProcessInstanceQuery().superProcessInstanceId(auditCase.getId()).singleResult();
		assertThat(instance).as("the audit case called the penalty procedure").isNotNull();
		penaltyId = penalties.ofCase(caseId).getLast().id();
		return this;
	}

	Task task(String key) {
		return tasks.createTaskQuery()
			.processVariableValueEquals(PenaltyVariables.PENALTY_ID, penaltyId)
			.taskDefinitionKey(key)
			.singleResult();
	}

	/** Completes the task as the user through the task gateway, with the form fields given as name, value pairs. */
	PenaltyDriver complete(String key, String user, Object... fields) {
		Task t = task(key);
		assertThat(t).as("open task " + key).isNotNull();
		Map<String, String> submitted = new HashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			submitted.put((String) fields[i], String.valueOf(fields[i + 1]));
		}
		gateway.complete(t.getId(), USERS.get(user), submitted);
		return this;
	}

	Job timer(String activityId) {
		return management.createJobQuery().activityId(activityId).list().stream()
			.filter(j -> runtime.createExecutionQuery().executionId(j.getExecutionId())
				.processVariableValueEquals(PenaltyVariables.PENALTY_ID, penaltyId).count() > 0)
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
