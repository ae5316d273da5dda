package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.support.TestEngines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.cases.CaseDeadlines.Kind;
import org.fundguard.cases.CaseOutcomes.PenaltyEnd;
import org.fundguard.cases.process.CaseSteps;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.record.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path through bpmn/audit-case.bpmn on an in-memory engine with camunda-bpm-assert: the filing decision
 * (accept, merge, dismiss), the investigation with and without an on-site check, each outcome, the penalty procedure
 * called with the case and its outcome coming back, and the reminder and escalation timers. The tasks are worked
 * through a real task gateway with the model's own forms, and the real glue ({@link CaseSteps}) runs; the case module
 * behind it is mocked, so each step's call into the module is checked. The penalty procedure is a stand-in of the
 * same key, deployed with the model as the call expects. The engine is the test's own (its own name, closed at the
 * end) so that other process tests keep finding theirs.
 */
class AuditCaseProcessTest {

	private static final Actor DIRECTOR = new Actor("director1", "director");
	private static final Actor INSPECTOR1 = new Actor("inspector1", "inspector");
	private static final Map<String, CurrentUser> USERS = Map.of(
			"director1", new CurrentUser("director1", "刘强", Set.of(Role.DIRECTOR)),
			"inspector1", new CurrentUser("inspector1", "张伟", Set.of(Role.INSPECTOR)),
			"inspector2", new CurrentUser("inspector2", "李娜", Set.of(Role.INSPECTOR)));
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
	private TaskGateway gateway;

	@BeforeAll
	static void engine() throws Exception {
		engine = TestEngines.inMemory("audit-case-process-test");
		var deployment = engine.getRepositoryService().createDeployment()
			.addInputStream("audit-case.bpmn", Files.newInputStream(Path.of("bpmn/audit-case.bpmn")))
			.addClasspathResource("cases/penalty-procedure-stub.bpmn");
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
		when(caseDeadlines.due(anyLong(), eq(Kind.FILING))).thenReturn(filingDue);
		when(caseDeadlines.reminderAt(anyLong(), eq(Kind.FILING))).thenReturn(deadlines.reminderBefore(filingDue, 2));
		when(caseDeadlines.due(anyLong(), eq(Kind.INVESTIGATION))).thenReturn(investigationDue);
		when(caseDeadlines.reminderAt(anyLong(), eq(Kind.INVESTIGATION)))
			.thenReturn(deadlines.reminderBefore(investigationDue, 2));
		when(team.usernames(anyLong())).thenReturn(List.of("inspector1", "inspector2"));
		gateway = new TaskGateway(engine.getTaskService(), engine.getRuntimeService(), engine.getFormService(),
				engine.getIdentityService(), deadlines, engine.getAuthorizationService());
		Mocks.register("caseSteps", new CaseSteps(gateway, decisions, team, investigation, caseDeadlines, outcomes));
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		ClockUtil.reset();
		BpmnAwareTests.reset();
		engine.getRuntimeService().createProcessInstanceQuery().list()
			.forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test over"));
	}

	private static String number(long caseId) {
		return "370300-2026-00000" + caseId;
	}

	private ProcessInstance start(long caseId) {
		return engine.getRuntimeService().startProcessInstanceByKey(AuditCaseVariables.PROCESS, number(caseId),
				Map.of(AuditCaseVariables.CASE_ID, caseId, AuditCaseVariables.CASE_NUMBER, number(caseId)));
	}

	/** Works the current task as the user through the task gateway, with the form's fields as the page sends them. */
	private void doTask(ProcessInstance p, String user, String... fields) {
		gateway.complete(task(p).getId(), USERS.get(user), fields(fields));
	}

	private static Map<String, String> fields(String... keyValues) {
		Map<String, String> out = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			out.put(keyValues[i], keyValues[i + 1]);
		}
		return out;
	}

	private void acceptAndAssign(ProcessInstance p, boolean onSite) {
		doTask(p, "director1", "filingDecision", "ACCEPT");
		assertThat(p).isWaitingAt("Task_AssignInspectors");
		assertThat(task(p)).hasCandidateGroup("director");
		doTask(p, "director1", "caseInspectors", "inspector1，inspector2", "onSiteCheck", String.valueOf(onSite));
	}

	private void investigate(ProcessInstance p, boolean violation) {
		assertThat(p).isWaitingAt("Task_ReviewEvidenceAtDesk");
		assertThat(task(p)).hasCandidateUser("inspector1").hasCandidateUser("inspector2").hasDueDate(investigationDue);
		doTask(p, "inspector1", "deskReviewSummary", "结算数据显示重复收费", "documentIds", "");
		if ((Boolean) engine.getRuntimeService().getVariable(p.getId(), AuditCaseVariables.ON_SITE_CHECK)) {
			assertThat(p).isWaitingAt("Task_CheckOnSite");
			doTask(p, "inspector2", "onSiteDate", "2026-11-25", "onSiteInspectors", "inspector1,inspector2",
					"onSiteSummary", "调取病历核实", "documentIds", "doc-1");
		}
		assertThat(p).isWaitingAt("Task_RecordFindings");
		doTask(p, "inspector1", "violationFound", String.valueOf(violation), "amountToRecover", "800", "articles", "38",
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
		doTask(p, "director1", "outcome", "CLOSE");

		assertThat(p).hasPassedInOrder("Task_SetFilingDeadline", "Task_DecideWhetherToFile", "Task_AssignInspectors",
				"Task_SetInvestigationDeadline", "Task_ReviewEvidenceAtDesk", "Task_RecordFindings", "Task_DecideOutcome",
				"Task_CloseCase", "Event_CaseClosed").hasNotPassed("Task_CheckOnSite").isEnded();
		verify(caseDeadlines).fileBy(1L);
		verify(decisions).decideFiling(1L, FilingDecision.ACCEPT, "", "", DIRECTOR);
		verify(team).assign(1L, List.of("inspector1", "inspector2"), false, DIRECTOR);
		verify(caseDeadlines).investigateBy(1L);
		verify(investigation).deskReviewDone(1L, "结算数据显示重复收费", "", INSPECTOR1);
		verify(investigation).recordFindings(1L, false, null, List.of(), null, "认定事实", "doc-2", INSPECTOR1);
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
				"认定事实", "doc-2", INSPECTOR1);
	}

	@Test
	void aCaseMergedIntoAnOpenCaseOfTheSameSubjectEnds() {
		ProcessInstance p = start(3);
		doTask(p, "director1", "filingDecision", "MERGE", "mergeInto", "370300-2026-000001");

		assertThat(p).hasPassed("Event_CaseMerged").hasNotPassed("Task_AssignInspectors").isEnded();
		verify(decisions).decideFiling(3L, FilingDecision.MERGE, "370300-2026-000001", "", DIRECTOR);
	}

	@Test
	void aDismissedCaseEndsWithItsReason() {
		ProcessInstance p = start(4);
		doTask(p, "director1", "filingDecision", "DISMISS", "dismissReason", "线索不实");

		assertThat(p).hasPassed("Event_CaseDismissed").isEnded();
		verify(decisions).decideFiling(4L, FilingDecision.DISMISS, "", "线索不实", DIRECTOR);
	}

	@Test
	void withoutAFilingDecisionTheTaskCannotBeCompletedInFundGuardNorInTasklist() {
		ProcessInstance p = start(5);
		String taskId = task(p).getId();

		assertThatThrownBy(() -> doTask(p, "director1")).isInstanceOf(Refused.class).hasMessage("请填写“立案审查结论”");
		assertThatThrownBy(() -> doTask(p, "director1", "filingDecision", "accept")).isInstanceOf(Refused.class)
			.hasMessage("“立案审查结论”不能取值“accept”");
		// Tasklist sends what its form holds without FundGuard's checks: then the module refuses in the listener
		doThrow(Refused.because("cases.filing.choose")).when(decisions)
			.decideFiling(eq(5L), isNull(), any(), any(), any());
		engine.getTaskService().claim(taskId, "director1");
		assertThatThrownBy(() -> engine.getTaskService().complete(taskId, Map.of("filingDecision", "accept")))
			.hasRootCauseMessage("请选择立案审查结论：立案、并案或不予立案");
		assertThat(p).isWaitingAt("Task_DecideWhetherToFile");
	}

	@Test
	void anAssignmentTheModuleRefusesLeavesTheTaskOpen() {
		doThrow(Refused.because("cases.team.conflict", "张伟", "某医院", "H37030300011")).when(team)
			.assign(anyLong(), any(), eq(true), any());
		ProcessInstance p = start(6);
		doTask(p, "director1", "filingDecision", "ACCEPT");

		assertThatThrownBy(() -> doTask(p, "director1", "caseInspectors", "inspector1,inspector2", "onSiteCheck", "true"))
			.isInstanceOf(Refused.class).hasMessage("张伟 已声明与 某医院（H37030300011）存在利害关系，应当回避，不得指派");
		assertThat(p).isWaitingAt("Task_AssignInspectors");
	}

	@Test
	void aPenaltyIsThePenaltyProcedureCalledWithTheCaseAndTheCaseClosesWhenItHasBeenCarriedOut() {
		ProcessInstance p = start(7);
		ProcessInstance other = start(8);
		acceptAndAssign(p, false);
		investigate(p, true);
		doTask(p, "director1", "outcome", "PENALTY", "outcomeReason", "移交处罚");

		assertThat(p).isWaitingAt("CallActivity_PenaltyProcedure");
		verify(outcomes).penaltyProcedureRequested(7L);
		ProcessInstance procedure = calledProcedure(p);
		assertThat(procedure.getBusinessKey()).isEqualTo(number(7));
		assertThat(engine.getRuntimeService().getVariables(procedure.getId())).containsEntry("caseId", 7L)
			.doesNotContainKeys("outcome", "outcomeReason", "caseNumber");
		verify(outcomes, never()).close(7L);

		endProcedure(procedure, "CLOSED");

		assertThat(p).hasPassedInOrder("Task_HandOverToPenaltyProcedure", "CallActivity_PenaltyProcedure",
				"Task_RecordPenaltyCarriedOut", "Task_CloseCase", "Event_CaseClosed").isEnded();
		assertThat(p).hasNotPassed("Task_RecordPenaltyNotFiled");
		verify(outcomes).penaltyProcedureConcluded(7L, PenaltyEnd.CARRIED_OUT);
		verify(outcomes).close(7L);
		assertThat(other).isWaitingAt("Task_DecideWhetherToFile");
	}

	@Test
	void aPenaltyTheDirectorDidNotFileClosesTheCaseWithThatOnRecord() {
		ProcessInstance p = start(15);
		acceptAndAssign(p, false);
		investigate(p, true);
		doTask(p, "director1", "outcome", "PENALTY");

		endProcedure(calledProcedure(p), "FILING_REFUSED");

		assertThat(p).hasPassedInOrder("CallActivity_PenaltyProcedure", "Task_RecordPenaltyNotFiled", "Task_CloseCase")
			.hasNotPassed("Task_RecordPenaltyCarriedOut").isEnded();
		verify(outcomes).penaltyProcedureConcluded(15L, PenaltyEnd.NOT_FILED);
		verify(outcomes).close(15L);
	}

	private ProcessInstance calledProcedure(ProcessInstance caseInstance) {
		return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(caseInstance.getId())
			.singleResult();
	}

	/** The stand-in ends as the penalty procedure does: with its outcome in the variable the call passes out. */
	private void endProcedure(ProcessInstance procedure, String outcome) {
		engine.getRuntimeService().setVariable(procedure.getId(), AuditCaseVariables.PENALTY_OUTCOME, outcome);
		engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(procedure.getId())
			.singleResult().getId());
	}

	@Test
	void aSuspensionOfTheServiceAgreementIsCarriedOutAndTheCaseClosed() {
		ProcessInstance p = start(9);
		acceptAndAssign(p, false);
		investigate(p, true);
		doTask(p, "director1", "outcome", "SUSPEND", "suspendFrom", "2026-12-01", "suspendUntil", "2027-05-31",
				"outcomeReason", "情节严重");

		assertThat(p).hasPassedInOrder("Task_SuspendServiceAgreement", "Task_CloseCase", "Event_CaseClosed").isEnded();
		verify(decisions).decideOutcome(9L, Outcome.SUSPEND, "情节严重", LocalDate.of(2026, 12, 1),
				LocalDate.of(2027, 5, 31), DIRECTOR);
		verify(outcomes).suspendAgreement(9L);
		verify(outcomes).close(9L);
	}

	@Test
	void aTransferToThePoliceIsRecordedWithTheReceivingBody() {
		transfer(10, Outcome.POLICE, "淄博市公安局张店分局");
	}

	@Test
	void aTransferToADisciplineBodyIsRecordedWithTheReceivingBody() {
		transfer(11, Outcome.DISCIPLINE, "淄博市纪委监委");
	}

	private void transfer(long caseId, Outcome outcome, String body) {
		ProcessInstance p = start(caseId);
		acceptAndAssign(p, false);
		investigate(p, true);
		doTask(p, "director1", "outcome", outcome.name());
		assertThat(p).isWaitingAt("Task_RecordTransfer");
		assertThat(task(p)).hasCandidateGroup("director");
		doTask(p, "director1", "receivingBody", body, "transferDate", "2026-12-02", "outcomeReason", "涉嫌诈骗",
				"documentIds", "letter-1");

		assertThat(p).hasPassed("Event_CaseTransferred").hasNotPassed("Task_CloseCase").isEnded();
		verify(decisions).decideOutcome(caseId, outcome, "", null, null, DIRECTOR);
		verify(investigation).transfer(caseId, body, LocalDate.of(2026, 12, 2), "涉嫌诈骗", "letter-1", DIRECTOR);
	}

	@Test
	void aReminderFiresTwoWorkingDaysBeforeTheFilingDeadlineAndTheTaskStays() {
		ProcessInstance p = start(12);
		Job reminder = job(p, "Event_FilingReminderDue");
		// the deadline's last day is Friday 2026-12-11; two working days before it is Wednesday 2026-12-09, 09:00
		assertThat(reminder.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-09T01:00:00Z")));

		execute(reminder);

		verify(caseDeadlines).remind(12L, Kind.FILING);
		assertThat(p).hasPassed("Task_RemindOfFilingDeadline").isWaitingAt("Task_DecideWhetherToFile");
	}

	@Test
	void anOverdueFilingDecisionIsEscalatedToTheDirectorAndTheTaskStays() {
		ProcessInstance p = start(13);
		Job overdue = job(p, "Event_FilingOverdue");
		assertThat(overdue.getDuedate()).isEqualTo(filingDue);

		execute(overdue);

		verify(caseDeadlines).escalate(13L, Kind.FILING);
		assertThat(p).hasPassed("Task_EscalateOverdueFiling").isWaitingAt("Task_DecideWhetherToFile");
		doTask(p, "director1", "filingDecision", "ACCEPT");
		assertThat(p).isWaitingAt("Task_AssignInspectors");
	}

	@Test
	void theInvestigationHasItsOwnReminderAndEscalationWhichEndWithIt() {
		ProcessInstance p = start(14);
		acceptAndAssign(p, false);
		assertThat(job(p, "Event_InvestigationOverdue").getDuedate()).isEqualTo(investigationDue);

		execute(job(p, "Event_InvestigationReminderDue"));
		execute(job(p, "Event_InvestigationOverdue"));

		verify(caseDeadlines).remind(14L, Kind.INVESTIGATION);
		verify(caseDeadlines).escalate(14L, Kind.INVESTIGATION);
		assertThat(p).isWaitingAt("Task_ReviewEvidenceAtDesk");
		investigate(p, false);
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(p.getId()).count()).isZero();
	}

	private static Job job(ProcessInstance p, String activityId) {
		return engine.getManagementService().createJobQuery().processInstanceId(p.getId()).activityId(activityId).singleResult();
	}
}
