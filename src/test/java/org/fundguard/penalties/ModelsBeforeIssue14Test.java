package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.fundguard.cases.AuditCase;
import org.fundguard.support.TestEngines;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseDeadlines;
import org.fundguard.cases.CaseDecisions;
import org.fundguard.cases.CaseOutcomes;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.CaseStatus;
import org.fundguard.cases.Findings;
import org.fundguard.cases.Intent;
import org.fundguard.cases.NewCase;
import org.fundguard.cases.Outcome;
import org.fundguard.cases.SubjectType;
import org.fundguard.process.TaskGateway;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.record.RecordEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.fundguard.support.MutableClock;

/**
 * Audit cases and penalty procedures running on the models as deployed before issue 14 (src/test/resources/legacy)
 * when today's models are deployed: each test deploys the old models, puts instances where they would be waiting,
 * deploys today's models and starts the application again as far as the engine goes (ApplicationReadyEvent: the
 * running-instance migrations), then finishes the old instances.
 * <ul>
 * <li>A case handed over to the penalty procedure waits in a receive task today's model has not, and its procedure
 * runs on its own and ends by correlating a message to it: both stay on their versions and finish there, with the
 * beans kept in cases.process.legacy and penalties.process.legacy; the procedure's legal review, started on the old
 * version too, moves to today's and returns to the old procedure.</li>
 * <li>A case before the hand-over (at its filing decision, in its investigation, with their timers) moves to today's
 * model, the investigation sub-process although it was renamed, and finishes there through the new call.</li>
 * </ul>
 * The steps of the old audit case before the waits named beans that are gone, so those instances are started at their
 * waits with the variables the old path left (process instance modification), the case module's data made by its own
 * methods; the old penalty procedure runs its whole old path on the kept beans.
 */
@ProcessTestSetup
class ModelsBeforeIssue14Test {

	private static final Actor DIRECTOR = new Actor("director1", "director");
	private static final List<String> LEGACY = List.of("legacy/audit-case.bpmn", "legacy/penalty-decision.bpmn",
			"legacy/legal-review.bpmn");

	@Autowired ProcessEngine engine;
	@Autowired ConfigurableApplicationContext context;
	@Autowired RepositoryService repository;
	@Autowired RuntimeService runtime;
	@Autowired TaskService tasks;
	@Autowired ManagementService management;
	@Autowired TaskGateway gateway;
	@Autowired AuditCases cases;
	@Autowired CaseDecisions caseDecisions;
	@Autowired CaseOutcomes caseOutcomes;
	@Autowired CaseDeadlines caseDeadlines;
	@Autowired Penalties penalties;
	@Autowired PenaltyProcedure procedure;
	@Autowired EnforcementRecord record;
	@Autowired MutableClock clock;

	private String legacyDeployment;

	@BeforeEach
	void clock() {
		BpmnAwareTests.init(engine);
		clock.set(ProcessTestSetup.START);
	}

	/** Deploys the models as they were, after the test opened its cases (which starts today's model). */
	private void deployOldModels() {
		DeploymentBuilder deployment = repository.createDeployment().name("models before issue 14");
		LEGACY.forEach(deployment::addClasspathResource);
		legacyDeployment = deployment.deploy().getId();
	}

	@Test
	void aCaseHandedOverOnTheOldModelsAndItsPenaltyProcedureFinishOnThemAndItsLegalReviewOnTheNewModel() {
		AuditCase c = caseWithFindings("淄博旧版本移交医院", "20000", Intent.FRAUD, "40");
		caseDecisions.decideOutcome(c.id(), Outcome.PENALTY, "移交行政处罚", null, null, DIRECTOR);
		caseOutcomes.penaltyProcedureRequested(c.id());
		deployOldModels();
		ProcessInstance oldCase = startOld("audit-case", c, "Task_AwaitPenaltyProcedure",
				Map.of("filingDecision", "accept", "caseInspectors", "inspector1", "onSiteCheck", false, "outcome", "penalty"));
		// the old hand-over: register the procedure and start its process on its own, by the case number
		long penaltyId = procedure.register(c.id(), DIRECTOR);
		ProcessInstance oldProcedure = runtime.startProcessInstanceById(legacy("penalty-decision").getId(), c.number(),
				Map.of("caseId", c.id(), "caseNumber", c.number(), "penaltyId", penaltyId));
		PenaltyDriver d = driver(c, penaltyId, oldProcedure);
		d.fileAndPropose("").serveNotice()
			.complete("Task_RecordDefence", "inspector1", "defence", "请求听证", "hearingRequested", true, "factors", "")
			.complete("Task_HoldHearing", "inspector2", "hearingRecord", "听证笔录", "factors", "");
		assertThat(oldProcedure).isWaitingAt("CallActivity_LegalReview");
		ProcessInstance review = runtime.createProcessInstanceQuery().superProcessInstanceId(oldProcedure.getId())
			.singleResult();
		assertThat(TestEngines.versionOf(engine, review)).isEqualTo(legacy("legal-review").getVersion());

		ProcessDefinition todaysReview = deployTodaysModelsAndStart().get("legal-review");

		assertThat(TestEngines.versionOf(engine, oldCase)).as("waits in the removed receive task").isEqualTo(legacy("audit-case").getVersion());
		assertThat(TestEngines.versionOf(engine, oldProcedure)).as("ends by correlating the old message").isEqualTo(
				legacy("penalty-decision").getVersion());
		assertThat(TestEngines.versionOf(engine, review)).as("the review moved").isEqualTo(todaysReview.getVersion());
		d.complete("Task_ReviewPenalty", "reviewer1", "reviewOutcome", "RETURN", "reviewOpinion", "事实认定不清");
		d.complete("Task_RevisePenalty", "inspector1", "revision", "补充询问笔录", "factors", "");
		d.complete("Task_ReviewPenalty", "reviewer1", "authorityOk", true, "factsOk", true, "evidenceOk", true,
				"procedureOk", true, "applicationOfLawOk", true, "discretionOk", true, "reviewOutcome", "APPROVE",
				"reviewOpinion", "同意");
		assertThat(oldProcedure).hasPassed("CallActivity_LegalReview").isWaitingAt("Task_Deliberate");
		d.complete("Task_Deliberate", "director1", "deliberationConclusion", "局务会议讨论同意").decideServePublish();
		d.complete("Task_RecordPayment", "inspector2", "paidAmount", "90000", "paidOn", LocalDate.now(clock).toString());

		assertThat(oldProcedure).hasPassedInOrder("Task_ClosePenalty", "Task_NotifyAuditCase").isEnded();
		assertThat(oldCase).hasPassedInOrder("Task_AwaitPenaltyProcedure", "Task_RecordPenaltyProcedureConcluded",
				"Task_CloseCase", "Event_CaseClosed").isEnded();
		assertThat(penalties.get(penaltyId).status()).isEqualTo(PenaltyStatus.CLOSED);
		assertThat(cases.find(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(actions(c)).containsSubsequence("PENALTY_PROCEDURE_REQUESTED", "PENALTY_REQUESTED", "PENALTY_FILED",
				"LEGAL_REVIEW_RETURNED", "LEGAL_REVIEW_RESUBMITTED", "LEGAL_REVIEW_APPROVED", "DECISION_MADE",
				"PENALTY_CLOSED", "PENALTY_PROCEDURE_CONCLUDED", "CASE_CLOSED");
		assertThat(record.verify(c.id()).intact()).isTrue();
	}

	@Test
	void casesBeforeTheHandOverMoveToTheNewModelsWithTheirTimersAndFinishThere() {
		AuditCase atFiling = openCase("淄博旧版本立案医院");
		AuditCase investigating = openCase("淄博旧版本调查医院");
		caseDecisions.accept(investigating.id(), DIRECTOR);
		caseDeadlines.investigateBy(investigating.id());
		deployOldModels();
		ProcessInstance filing = startOld("audit-case", atFiling, "Task_DecideWhetherToFile", Map.of());
		ProcessInstance investigation = startOld("audit-case", investigating, "Task_RecordFindings",
				Map.of("filingDecision", "accept", "caseInspectors", "inspector1,inspector2", "onSiteCheck", false,
						"investigationDue", caseDeadlines.due(investigating.id(), CaseDeadlines.Kind.INVESTIGATION)));

		Map<String, ProcessDefinition> todays = deployTodaysModelsAndStart();
		ProcessDefinition todaysCase = todays.get("audit-case");

		assertThat(TestEngines.versionOf(engine, filing)).isEqualTo(todaysCase.getVersion());
		assertThat(TestEngines.versionOf(engine, investigation)).as("the renamed investigation too").isEqualTo(todaysCase.getVersion());
		assertThat(investigation).isWaitingAt("Task_RecordFindings");
		assertThat(runtime.getActivityInstance(investigation.getId()).getActivityInstances("SubProcess_Investigation"))
			.hasSize(1);
		assertThat(job(filing, "Event_FilingOverdue").getDuedate())
			.isEqualTo(caseDeadlines.due(atFiling.id(), CaseDeadlines.Kind.FILING));
		Job reminder = job(investigation, "Event_InvestigationReminderDue");
		assertThat(reminder.getDuedate()).isEqualTo(caseDeadlines.reminderAt(investigating.id(), CaseDeadlines.Kind.INVESTIGATION));
		management.executeJob(reminder.getId());
		assertThat(actions(investigating)).contains("DEADLINE_REMINDER");

		// the filing decision: today's form and condition (upper case) on the moved case
		gateway.complete(task(filing).getId(), PenaltyDriver.USERS.get("director1"),
				Map.of("filingDecision", "DISMISS", "dismissReason", "线索不实"));
		assertThat(filing).hasPassed("Event_CaseDismissed").isEnded();
		assertThat(cases.find(atFiling.id()).orElseThrow().status()).isEqualTo(CaseStatus.DISMISSED);

		// the investigation's findings, the outcome and today's call of the penalty procedure
		gateway.complete(task(investigation).getId(), PenaltyDriver.USERS.get("inspector1"),
				Map.of("violationFound", "true", "amountToRecover", "8000", "articles", "38", "intent", "IRREGULAR_USE",
						"findingsSummary", "重复收费", "documentIds", ""));
		gateway.complete(task(investigation).getId(), PenaltyDriver.USERS.get("director1"), Map.of("outcome", "PENALTY"));
		ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(investigation.getId())
			.singleResult();
		assertThat(called.getProcessDefinitionId()).isEqualTo(todays.get(PenaltyVariables.PENALTY_DECISION).getId());
		gateway.complete(tasks.createTaskQuery().processInstanceId(called.getId()).singleResult().getId(),
				PenaltyDriver.USERS.get("director1"), Map.of("filingApproved", "false", "filingOpinion", "证据不足"));

		assertThat(investigation).hasPassedInOrder("CallActivity_PenaltyProcedure", "Task_RecordPenaltyNotFiled",
				"Task_CloseCase").isEnded();
		assertThat(cases.find(investigating.id()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(record.verify(investigating.id()).intact()).isTrue();
	}

	// ---- the old instances ----

	private AuditCase openCase(String name) {
		AuditCase c = cases.open(new NewCase(SubjectType.INSTITUTION, "H3703" + System.nanoTime() % 100_000_000, name,
				"370302", CaseSource.LEAD, "lead-1", new BigDecimal("8000"), "疑似违规使用", OffsetDateTime.now(clock),
				DIRECTOR));
		// opening started the case on today's model (its filing deadline set); in this test it lives on the old one
		runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.number()).list()
			.forEach(p -> runtime.deleteProcessInstance(p.getId(), "the case runs on the models before issue 14"));
		return c;
	}

	private AuditCase caseWithFindings(String name, String loss, Intent intent, String... articles) {
		AuditCase c = openCase(name);
		cases.recordFindings(new Findings(c.id(), true, new BigDecimal(loss), List.of(articles), intent, "重复收费、串换项目",
				null, null), PenaltyDriver.INSPECTOR, List.of("a".repeat(64)));
		return c;
	}

	/** An old audit case waiting at the activity, with the variables the old path set before it. */
	private ProcessInstance startOld(String key, AuditCase c, String waitingAt, Map<String, Object> more) {
		Map<String, Object> variables = new HashMap<>(more);
		variables.put("caseId", c.id());
		variables.put("caseNumber", c.number());
		variables.put("receivedAt", Date.from(c.receivedAt().toInstant()));
		variables.put("reminderWorkingDays", 2);
		variables.put("filingDue", caseDeadlines.due(c.id(), CaseDeadlines.Kind.FILING));
		return runtime.createProcessInstanceById(legacy(key).getId()).businessKey(c.number()).setVariables(variables)
			.startBeforeActivity(waitingAt).execute();
	}

	private PenaltyDriver driver(AuditCase c, long penaltyId, ProcessInstance procedureInstance) {
		PenaltyDriver d = new PenaltyDriver(cases, penalties, runtime, tasks, management, gateway);
		d.caseId = c.id();
		d.caseNumber = c.number();
		d.penaltyId = penaltyId;
		d.instance = procedureInstance;
		return d;
	}

	// ---- the upgrade ----

	/**
	 * Deploys today's three models with their forms, as the application does at start-up, and runs what the
	 * application runs once it has started: the running-instance migrations. Returns the new definitions by key.
	 */
	private Map<String, ProcessDefinition> deployTodaysModelsAndStart() {
		DeploymentBuilder deployment = repository.createDeployment().name("issue 14");
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (String model : List.of("audit-case.bpmn", "penalty-decision.bpmn", "legal-review.bpmn")) {
				deployment.addInputStream(model, open(Path.of("bpmn", model)));
			}
			for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
				deployment.addInputStream(form.getFileName().toString(), open(form));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String id = deployment.deploy().getId();
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
		Map<String, ProcessDefinition> deployed = new HashMap<>();
		repository.createProcessDefinitionQuery().deploymentId(id).list().forEach(p -> deployed.put(p.getKey(), p));
		return deployed;
	}

	private static InputStream open(Path file) throws IOException {
		return Files.newInputStream(file);
	}

	private ProcessDefinition legacy(String key) {
		return repository.createProcessDefinitionQuery().deploymentId(legacyDeployment).processDefinitionKey(key)
			.singleResult();
	}


	private Job job(ProcessInstance instance, String activityId) {
		return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
	}

	private org.camunda.bpm.engine.task.Task task(ProcessInstance instance) {
		return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	private List<String> actions(AuditCase c) {
		return record.entries(c.id()).stream().map(RecordEntry::action).toList();
	}
}
