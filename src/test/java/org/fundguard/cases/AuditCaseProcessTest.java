package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.process.ProcessKeys;
import org.fundguard.record.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path through bpmn/audit-case.bpmn on an in-memory engine with camunda-bpm-assert: the filing decision
 * (accept, merge, dismiss), the investigation with and without an on-site check, each outcome, the penalty hand-over
 * and its message, and the reminder and escalation timers. The real task listeners run; the case module behind them
 * is mocked, so each step's call into the module is checked. The engine is the test's own (its own name, closed at
 * the end) so that other process tests keep finding theirs.
 */
class AuditCaseProcessTest {

	private static final Actor DIRECTOR = new Actor("director1", "director");
	/** Monday 2026-11-23 10:00 in Zibo. */
	private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
	/** The lead arrived on Friday 2026-11-20. */
	private static final Date RECEIVED = Date.from(Instant.parse("2026-11-20T01:00:00Z"));

	private static ProcessEngine engine;

	private final Deadlines deadlines = new Deadlines(new WorkingCalendar(), Clock.fixed(NOW, Deadlines.BUREAU_ZONE));
	private final CaseDecisions decisions = mock(CaseDecisions.class);
	private final CaseTeam team = mock(CaseTeam.class);
	private final CaseInvestigation investigation = mock(CaseInvestigation.class);
	private final CaseDeadlines caseDeadlines = mock(CaseDeadlines.class);
	private final CaseOutcomes outcomes = mock(CaseOutcomes.class);
	private final Date filingDue = deadlines.afterWorkingDays(RECEIVED, 15);
	private final Date investigationDue = deadlines.afterDays(Date.from(NOW), 90);

	@BeforeAll
	static void engine() throws Exception {
		ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setProcessEngineName("audit-case-process-test")
			.setJdbcUrl("jdbc:h2:mem:audit-case-process-test;DB_CLOSE_DELAY=1000")
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
			.setJobExecutorActivate(false)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		config.setExpressionManager(new MockExpressionManager());
		config.setEnforceHistoryTimeToLive(true);
		engine = config.buildProcessEngine();
		var deployment = engine.getRepositoryService().createDeployment().addInputStream("audit-case.bpmn",
				Files.newInputStream(Path.of("bpmn/audit-case.bpmn")));
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path form : forms.filter(f -> f.getFileName().toString().startsWith("audit-case-")).toList()) {
				deployment.addInputStream(form.getFileName().toString(), Files.newInputStream(form));
			}
		}
		deployment.deploy();
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@BeforeEach
	void beans() {
		BpmnAwareTests.init(engine);
		ClockUtil.setCurrentTime(Date.from(NOW));
		when(caseDeadlines.fileBy(anyLong(), any())).thenReturn(filingDue);
		when(caseDeadlines.investigateBy(anyLong())).thenReturn(investigationDue);
		Mocks.register("deadlines", deadlines);
		Mocks.register("caseDeadlines", caseDeadlines);
		Mocks.register("caseOutcomes", outcomes);
		Mocks.register("auditCaseTasks", new CaseTaskListeners(decisions, team, investigation));
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		ClockUtil.reset();
		BpmnAwareTests.reset();
		engine.getRuntimeService().createProcessInstanceQuery().list()
			.forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test over"));
	}

	private ProcessInstance start(long caseId) {
		return engine.getRuntimeService().startProcessInstanceByKey(ProcessKeys.AUDIT_CASE, "370300-2026-00000" + caseId,
				withVariables("caseId", caseId, "caseNumber", "370300-2026-00000" + caseId, "receivedAt", RECEIVED,
						"reminderWorkingDays", 2));
	}

	/** Claims the current task as the user (as the workbench and Tasklist do) and completes it with the values. */
	private void doTask(ProcessInstance p, String user, Object... values) {
		claim(task(p), user);
		complete(task(p), vars(values));
	}

	private static Map<String, Object> vars(Object... keyValues) {
		Map<String, Object> out = new java.util.HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			out.put((String) keyValues[i], keyValues[i + 1]);
		}
		return out;
	}

	private void acceptAndAssign(ProcessInstance p, boolean onSite) {
		doTask(p, "director1", "filingDecision", "accept");
		assertThat(p).isWaitingAt("Task_AssignInspectors");
		assertThat(task(p)).hasCandidateGroup("director");
		doTask(p, "director1", "caseInspectors", "inspector1，inspector2", "onSiteCheck", onSite);
	}

	private void investigate(ProcessInstance p, boolean violation) {
		assertThat(p).isWaitingAt("Task_ReviewEvidenceAtDesk");
		assertThat(task(p)).hasCandidateUser("inspector1").hasCandidateUser("inspector2").hasDueDate(investigationDue);
		doTask(p, "inspector1", "deskReviewSummary", "结算数据显示重复收费", "documentIds", "");
		if ((Boolean) engine.getRuntimeService().getVariable(p.getId(), "onSiteCheck")) {
			assertThat(p).isWaitingAt("Task_CheckOnSite");
			doTask(p, "inspector2", "onSiteDate", "2026-11-25", "onSiteInspectors", "inspector1,inspector2",
					"onSiteSummary", "调取病历核实", "documentIds", "doc-1");
		}
		assertThat(p).isWaitingAt("Task_RecordFindings");
		doTask(p, "inspector1", "violationFound", violation, "amountToRecover", 800.0, "articles", "38",
				"intent", violation ? "IRREGULAR_USE" : "", "findingsSummary", "认定事实", "documentIds", "doc-2");
		assertThat(p).isWaitingAt("Task_DecideOutcome");
		assertThat(task(p)).hasCandidateGroup("director");
	}

	@Test
	void aFiledCaseWithoutViolationIsInvestigatedAtTheDeskAndClosed() {
		ProcessInstance p = start(1);

		assertThat(p).isWaitingAt("Task_DecideWhetherToFile");
		assertThat(task(p)).hasCandidateGroup("director").hasDueDate(filingDue);
		acceptAndAssign(p, false);
		investigate(p, false);
		doTask(p, "director1", "outcome", "close");

		assertThat(p).hasPassedInOrder("Task_SetFilingDeadline", "Task_DecideWhetherToFile", "Task_AssignInspectors",
				"Task_SetInvestigationDeadline", "Task_ReviewEvidenceAtDesk", "Task_RecordFindings", "Task_DecideOutcome",
				"Task_CloseCase", "Event_CaseClosed").hasNotPassed("Task_CheckOnSite").isEnded();
		verify(decisions).accept(1L, DIRECTOR);
		verify(team).assign(1L, List.of("inspector1", "inspector2"), false, DIRECTOR);
		verify(investigation).deskReviewDone(eq(1L), eq("结算数据显示重复收费"), eq(""), eq(new Actor("inspector1", "inspector")));
		verify(investigation).recordFindings(1L, false, null, List.of(), null, "认定事实", "doc-2",
				new Actor("inspector1", "inspector"));
		verify(decisions).decideOutcome(1L, Outcome.CLOSE, "", null, null, DIRECTOR);
		verify(outcomes).close(1L);
	}

	@Test
	void theFilingDecisionIsDueFifteenWorkingDaysAfterTheLead() {
		start(1);
		// 2026-11-20 + 15 working days = Friday 2026-12-11; due at midnight after it
		assertThat(filingDue).isEqualTo(Date.from(Instant.parse("2026-12-11T16:00:00Z")));
	}

	@Test
	void anOnSiteCheckIsRecordedByTheAssignedInspectorsBeforeTheFindings() {
		ProcessInstance p = start(2);
		acceptAndAssign(p, true);
		investigate(p, true);

		assertThat(p).hasPassedInOrder("Task_ReviewEvidenceAtDesk", "Task_CheckOnSite", "Task_RecordFindings");
		verify(investigation).onSiteCheckDone(2L, List.of("inspector1", "inspector2"), LocalDate.of(2026, 11, 25),
				"调取病历核实", "doc-1", new Actor("inspector2", "inspector"));
		verify(investigation).recordFindings(2L, true, new BigDecimal("800.00"), List.of("38"), Intent.IRREGULAR_USE,
				"认定事实", "doc-2", new Actor("inspector1", "inspector"));
	}

	@Test
	void aCaseMergedIntoAnOpenCaseOfTheSameSubjectEnds() {
		ProcessInstance p = start(3);
		doTask(p, "director1", "filingDecision", "merge", "mergeInto", "370300-2026-000001");

		assertThat(p).hasPassed("Event_CaseMerged").hasNotPassed("Task_AssignInspectors").isEnded();
		verify(decisions).merge(3L, "370300-2026-000001", DIRECTOR);
	}

	@Test
	void aDismissedCaseEndsWithItsReason() {
		ProcessInstance p = start(4);
		doTask(p, "director1", "filingDecision", "dismiss", "dismissReason", "线索不实");

		assertThat(p).hasPassed("Event_CaseDismissed").isEnded();
		verify(decisions).dismiss(4L, "线索不实", DIRECTOR);
	}

	@Test
	void withoutAFilingDecisionTheTaskCannotBeCompleted() {
		ProcessInstance p = start(5);
		claim(task(p), "director1");

		assertThatThrownBy(() -> complete(task(p))).hasRootCauseMessage("请选择立案审查结论：立案、并案或不予立案 / choose accept, merge or dismiss");
		assertThat(p).isWaitingAt("Task_DecideWhetherToFile");
	}

	@Test
	void anAssignmentTheModuleRefusesLeavesTheTaskOpen() {
		doThrow(new IllegalArgumentException("张伟 已声明与 某医院 存在利害关系，应当回避，不得指派")).when(team)
			.assign(anyLong(), any(), eq(true), any());
		ProcessInstance p = start(6);
		doTask(p, "director1", "filingDecision", "accept");
		claim(task(p), "director1");

		assertThatThrownBy(() -> complete(task(p), withVariables("caseInspectors", "inspector1,inspector2", "onSiteCheck", true)))
			.hasRootCauseMessage("张伟 已声明与 某医院 存在利害关系，应当回避，不得指派");
		assertThat(p).isWaitingAt("Task_AssignInspectors");
	}

	@Test
	void aPenaltyHandOverWaitsForThePenaltyProcedureAndClosesWhenItsMessageArrives() {
		ProcessInstance p = start(7);
		ProcessInstance other = start(8);
		acceptAndAssign(p, false);
		investigate(p, true);
		doTask(p, "director1", "outcome", "penalty", "outcomeReason", "移交处罚");

		assertThat(p).isWaitingAt("Task_AwaitPenaltyProcedure");
		verify(outcomes).requestPenaltyProcedure(7L);
		verify(outcomes, never()).close(7L);

		engine.getRuntimeService().createMessageCorrelation(ProcessKeys.MESSAGE_PENALTY_PROCEDURE_CONCLUDED)
			.processInstanceVariableEquals("caseId", 7L)
			.correlate();

		assertThat(p).hasPassedInOrder("Task_HandOverToPenaltyProcedure", "Task_AwaitPenaltyProcedure",
				"Task_RecordPenaltyProcedureConcluded", "Task_CloseCase").isEnded();
		verify(outcomes).penaltyProcedureConcluded(7L);
		verify(outcomes).close(7L);
		assertThat(other).isWaitingAt("Task_DecideWhetherToFile");
	}

	@Test
	void aSuspensionOfTheServiceAgreementIsCarriedOutAndTheCaseClosed() {
		ProcessInstance p = start(9);
		acceptAndAssign(p, false);
		investigate(p, true);
		doTask(p, "director1", "outcome", "suspend", "suspendFrom", "2026-12-01", "suspendUntil", "2027-05-31",
				"outcomeReason", "情节严重");

		assertThat(p).hasPassedInOrder("Task_SuspendServiceAgreement", "Task_CloseCase", "Event_CaseClosed").isEnded();
		verify(decisions).decideOutcome(9L, Outcome.SUSPEND, "情节严重", LocalDate.of(2026, 12, 1),
				LocalDate.of(2027, 5, 31), DIRECTOR);
		verify(outcomes).suspendAgreement(9L);
		verify(outcomes).close(9L);
	}

	@Test
	void aTransferToThePoliceIsRecordedWithTheReceivingBody() {
		transfer(10, "police", "淄博市公安局张店分局");
	}

	@Test
	void aTransferToADisciplineBodyIsRecordedWithTheReceivingBody() {
		transfer(11, "discipline", "淄博市纪委监委");
	}

	private void transfer(long caseId, String outcome, String body) {
		ProcessInstance p = start(caseId);
		acceptAndAssign(p, false);
		investigate(p, true);
		doTask(p, "director1", "outcome", outcome);
		assertThat(p).isWaitingAt("Task_RecordTransfer");
		assertThat(task(p)).hasCandidateGroup("director");
		doTask(p, "director1", "receivingBody", body, "transferDate", "2026-12-02", "outcomeReason", "涉嫌诈骗",
				"documentIds", "letter-1");

		assertThat(p).hasPassed("Event_CaseTransferred").hasNotPassed("Task_CloseCase").isEnded();
		verify(decisions).decideOutcome(caseId, Outcome.of(outcome).orElseThrow(), "", null, null, DIRECTOR);
		verify(investigation).transfer(caseId, body, LocalDate.of(2026, 12, 2), "涉嫌诈骗", "letter-1", DIRECTOR);
	}

	@Test
	void aReminderFiresTwoWorkingDaysBeforeTheFilingDeadlineAndTheTaskStays() {
		ProcessInstance p = start(12);
		var reminder = job(p, "Event_FilingReminderDue");
		// the deadline's last day is Friday 2026-12-11; two working days before it is Wednesday 2026-12-09, 09:00
		assertThat(reminder.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-09T01:00:00Z")));

		execute(reminder);

		verify(caseDeadlines).remind(12L, "FILING");
		assertThat(p).hasPassed("Task_RemindOfFilingDeadline").isWaitingAt("Task_DecideWhetherToFile");
	}

	@Test
	void anOverdueFilingDecisionIsEscalatedToTheDirectorAndTheTaskStays() {
		ProcessInstance p = start(13);
		var overdue = job(p, "Event_FilingOverdue");
		assertThat(overdue.getDuedate()).isEqualTo(filingDue);

		execute(overdue);

		verify(caseDeadlines).escalate(13L, "FILING");
		assertThat(p).hasPassed("Task_EscalateOverdueFiling").isWaitingAt("Task_DecideWhetherToFile");
		doTask(p, "director1", "filingDecision", "accept");
		assertThat(p).isWaitingAt("Task_AssignInspectors");
	}

	@Test
	void theInvestigationHasItsOwnReminderAndEscalationWhichEndWithIt() {
		ProcessInstance p = start(14);
		acceptAndAssign(p, false);
		assertThat(job(p, "Event_InvestigationOverdue").getDuedate()).isEqualTo(investigationDue);

		execute(job(p, "Event_InvestigationReminderDue"));
		execute(job(p, "Event_InvestigationOverdue"));

		verify(caseDeadlines).remind(14L, "INVESTIGATION");
		verify(caseDeadlines).escalate(14L, "INVESTIGATION");
		assertThat(p).isWaitingAt("Task_ReviewEvidenceAtDesk");
		investigate(p, false);
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(p.getId()).count()).isZero();
	}

	private static org.camunda.bpm.engine.runtime.Job job(ProcessInstance p, String activityId) {
		return engine.getManagementService().createJobQuery().processInstanceId(p.getId()).activityId(activityId).singleResult();
	}
}
