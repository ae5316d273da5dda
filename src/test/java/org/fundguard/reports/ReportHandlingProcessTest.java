package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.process.ProcessKeys;
import org.fundguard.process.ProcessVariables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through bpmn/report-handling.bpmn, timers included, on an in-memory engine. The module behind the
 * process is a stand-in that records what the process asked of it; the deadlines are the real ones.
 */
@Deployment(resources = { "bpmn/report-handling.bpmn", "forms/report-acceptance.form", "forms/report-supervision.form",
		"forms/report-case-notice.form", "forms/report-conclusion.form", "forms/report-reward-approval.form",
		"forms/report-reward-payment.form" })
class ReportHandlingProcessTest {

	private static final ZoneId CST = ZoneId.of("Asia/Shanghai");
	/** Monday 23 November 2026, 10:00 in Zibo. */
	private static final ZonedDateTime RECEIVED = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, CST);
	private static final long REPORT_ID = 41L;

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("reports/report-process-tests.cfg.xml")
		.build();

	private final ReportSteps steps = mock(ReportSteps.class);

	@BeforeEach
	void standIns() {
		// this class has its own engine; the static assertions must use it, not another test's "default" engine
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
		ClockUtil.setCurrentTime(Date.from(RECEIVED.toInstant()));
		Clock clock = Clock.fixed(RECEIVED.toInstant(), CST);
		Mocks.register("reportDeadlines",
				new ReportDeadlines(new Deadlines(new WorkingCalendar(), clock), ReportsProperties.defaults()));
		Mocks.register("reportSteps", steps);
		when(steps.registerIntake(anyLong(), any())).thenAnswer(call -> call.getArgument(1));
		when(steps.offerReward(anyLong(), any())).thenAnswer(call -> call.getArgument(1));
		when(steps.openCase(anyLong(), any(), any())).thenReturn(77L);
		when(steps.merge(anyLong(), any(), any())).thenReturn(78L);
		when(steps.rewardAmount(anyLong())).thenReturn("1500.00");
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		ClockUtil.reset();
		identityService().clearAuthentication();
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
	}

	/** Leaves the engine registry as it was, so that later process tests still find exactly one engine. */
	@AfterAll
	static void unregisterThisEngine() {
		org.camunda.bpm.engine.ProcessEngines.unregister(engine.getProcessEngine());
	}

	@Test
	void intakeSetsTheAcceptanceDeadlineFifteenWorkingDaysAfterReceipt() {
		ProcessInstance report = start(true);

		assertThat(report).isWaitingAt("Task_DecideAcceptance");
		assertThat(task()).hasCandidateGroup("report-handler");
		Date due = endOf(2026, 12, 14);
		assertThat(task().getDueDate()).isEqualTo(due);
		assertThat(task().getName()).isEqualTo("受理审查：JB370300-2026-000041");
		verify(steps).registerIntake(REPORT_ID, due);
		assertThat(job("Event_AcceptanceOverdue", report).getDuedate()).isEqualTo(due);
	}

	@Test
	void aDeclinedReportTellsTheReporterWhyAndEnds() {
		ProcessInstance report = start(true);

		decide(Map.of("acceptance", "DECLINE", "declineReason", "不属于医保基金监管范围"));

		verify(steps).decline(REPORT_ID, "不属于医保基金监管范围");
		verify(steps, never()).openCase(anyLong(), any(), any());
		assertThat(report).hasPassed("Task_DeclineReport").isEnded();
		assertThat(report).hasPassed("Event_Declined");
	}

	@Test
	void anAcceptedRealNameReportOpensACaseTellsTheReporterAndClosesWithoutReward() {
		ProcessInstance report = start(true);

		decide(Map.of("acceptance", "ACCEPT", "caseSummary", "某医院虚构住院"));

		verify(steps).openCase(REPORT_ID, "某医院虚构住院", "handler1");
		assertThat(report).variables().containsEntry(ProcessVariables.CASE_ID, 77L);
		assertThat(report).isWaitingAt("Task_NotifyCaseFiled", "Task_RecordConclusion");
		var notice = taskQuery().taskDefinitionKey("Task_NotifyCaseFiled").singleResult();
		assertThat(notice.getDueDate()).as("5 working days").isEqualTo(endOf(2026, 11, 30));
		var sixtyWorkingDays = new WorkingCalendar().plusWorkingDays(RECEIVED.toLocalDate(), 60);
		assertThat(taskQuery().taskDefinitionKey("Task_RecordConclusion").singleResult().getDueDate())
			.as("60 working days").isEqualTo(endOf(sixtyWorkingDays.getYear(), sixtyWorkingDays.getMonthValue(),
					sixtyWorkingDays.getDayOfMonth()));

		complete(notice, Map.of("caseNotice", "已立案调查"));
		verify(steps).noticeCaseFiled(REPORT_ID, "已立案调查");
		when(steps.assessReward(REPORT_ID)).thenReturn(false);
		conclude(false, false);

		assertThat(report).isEnded().hasPassed("Task_ConcludeReport", "Task_AssessReward", "Task_CloseReport")
			.hasNotPassed("Task_ApproveReward");
		verify(steps).close(REPORT_ID);
	}

	@Test
	void anAnonymousReportMergedIntoAnOpenCaseGetsNoCaseNoticeTask() {
		ProcessInstance report = start(false);

		decide(Map.of("acceptance", "MERGE", "mergeCaseNumber", "370300-2026-000007"));

		verify(steps).merge(REPORT_ID, "370300-2026-000007", "handler1");
		assertThat(report).variables().containsEntry(ProcessVariables.CASE_ID, 78L);
		assertThat(report).isWaitingAt("Task_RecordConclusion");
		assertThat(report).hasPassed("Task_MergeIntoCase").hasNotPassed("Task_NotifyCaseFiled");
		when(steps.assessReward(REPORT_ID)).thenReturn(false);
		conclude(true, false);
		assertThat(report).isEnded();
	}

	@Test
	void anOverdueAcceptanceDecisionIsFlaggedAndEscalatedToTheDirectorWhileTheHandlerMayStillDecide() {
		ProcessInstance report = start(true);

		Job timer = job("Event_AcceptanceOverdue", report);
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		verify(steps).flagOverdue(REPORT_ID);
		assertThat(report).isWaitingAt("Task_DecideAcceptance", "Task_SuperviseAcceptance");
		assertThat(taskQuery().taskDefinitionKey("Task_SuperviseAcceptance").singleResult()).hasCandidateGroup("director");

		complete(taskQuery().taskDefinitionKey("Task_SuperviseAcceptance").singleResult(),
				Map.of("supervisionOpinion", "请于两日内作出决定"));
		decide(Map.of("acceptance", "DECLINE", "declineReason", "重复举报"));
		assertThat(report).isEnded().hasPassed("Event_Supervised", "Event_Declined");
	}

	@Test
	void aRealNameReporterNotToldWithinFiveWorkingDaysGetsTheStandardNoticeAutomatically() {
		ProcessInstance report = start(true);
		decide(Map.of("acceptance", "ACCEPT"));

		Job timer = job("Event_CaseNoticeDue", report);
		assertThat(timer.getDuedate()).isEqualTo(endOf(2026, 11, 30));
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		// EL hands a null to a String parameter as "": the module posts its standard text for either
		verify(steps).noticeCaseFiled(REPORT_ID, "");
		assertThat(report).hasPassed("Task_PostStandardCaseNotice").isWaitingAt("Task_RecordConclusion");
		assertThat(taskQuery().taskDefinitionKey("Task_NotifyCaseFiled").count()).isZero();
	}

	@Test
	void anEligibleRewardApprovedAndClaimedIsPaidAndTheReportCloses() {
		ProcessInstance report = throughConclusionEligible();

		var approval = taskQuery().taskDefinitionKey("Task_ApproveReward").singleResult();
		assertThat(approval).hasCandidateGroup("director");
		assertThat(engine.getTaskService().getVariable(approval.getId(), "rewardAmount")).isEqualTo("1500.00");
		complete(approval, Map.of("rewardApproved", true, "rewardOpinion", "同意"));

		Date claimDue = endOf(2027, 1, 23);
		verify(steps).offerReward(REPORT_ID, claimDue);
		assertThat(report).isWaitingAt("Gateway_ClaimOrLapse").isWaitingFor(ReportProcess.MESSAGE_REWARD_CLAIMED);
		assertThat(job("Event_ClaimWindowEnded", report).getDuedate()).as("2 months").isEqualTo(claimDue);

		runtimeService().createMessageCorrelation(ReportProcess.MESSAGE_REWARD_CLAIMED)
			.processInstanceBusinessKey("JB370300-2026-000041")
			.correlate();
		assertThat(report).isWaitingAt("Task_PayReward");
		assertThat(task()).hasCandidateGroup("report-handler");
		complete(task(), Map.of("rewardPaid", true));

		verify(steps).recordPayment(REPORT_ID);
		verify(steps, never()).lapseReward(anyLong());
		assertThat(report).isEnded().hasPassed("Task_CloseReport");
	}

	@Test
	void anUnclaimedRewardLapsesWhenTheClaimWindowEnds() {
		ProcessInstance report = throughConclusionEligible();
		complete(taskQuery().taskDefinitionKey("Task_ApproveReward").singleResult(), Map.of("rewardApproved", true));

		Job timer = job("Event_ClaimWindowEnded", report);
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		verify(steps).lapseReward(REPORT_ID);
		verify(steps, never()).recordPayment(anyLong());
		assertThat(report).isEnded().hasPassed("Task_LapseReward", "Task_CloseReport").hasNotPassed("Task_PayReward");
	}

	@Test
	void aRewardTheDirectorDoesNotApproveIsRecordedAndTheReportCloses() {
		ProcessInstance report = throughConclusionEligible();

		complete(taskQuery().taskDefinitionKey("Task_ApproveReward").singleResult(),
				Map.of("rewardApproved", false, "rewardOpinion", "损失认定尚有争议"));

		verify(steps).refuseReward(REPORT_ID, "损失认定尚有争议");
		verify(steps, never()).offerReward(anyLong(), any());
		assertThat(report).isEnded().hasPassed("Task_RecordRewardRefused", "Task_CloseReport");
	}

	private ProcessInstance throughConclusionEligible() {
		ProcessInstance report = start(true);
		decide(Map.of("acceptance", "ACCEPT"));
		complete(taskQuery().taskDefinitionKey("Task_NotifyCaseFiled").singleResult());
		when(steps.assessReward(REPORT_ID)).thenReturn(true);
		conclude(true, true);
		verify(steps).conclude(REPORT_ID, true, true, "经查属实，已追回基金损失");
		assertThat(report).hasPassed("Task_AssessReward").isWaitingAt("Task_ApproveReward");
		return report;
	}

	private ProcessInstance start(boolean realName) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessVariables.REPORT_ID, REPORT_ID);
		variables.put(ProcessVariables.REPORT_NUMBER, "JB370300-2026-000041");
		variables.put(ProcessVariables.REPORT_RECEIVED_AT, Date.from(RECEIVED.toInstant()));
		variables.put(ProcessVariables.REPORT_REAL_NAME, realName);
		return runtimeService().startProcessInstanceByKey(ProcessKeys.REPORT_HANDLING, "JB370300-2026-000041", variables);
	}

	private void decide(Map<String, Object> decision) {
		identityService().setAuthenticatedUserId("handler1");
		complete(taskQuery().taskDefinitionKey("Task_DecideAcceptance").singleResult(), decision);
		identityService().clearAuthentication();
	}

	private void conclude(boolean verified, boolean factsNew) {
		complete(taskQuery().taskDefinitionKey("Task_RecordConclusion").singleResult(),
				Map.of("reportVerified", verified, "factsNewToBureau", factsNew, "conclusion", "经查属实，已追回基金损失"));
	}

	/** The deadline "by the end of" that day: midnight after it, China Standard Time. */
	private static Date endOf(int year, int month, int day) {
		return Date.from(ZonedDateTime.of(year, month, day, 0, 0, 0, 0, CST).plusDays(1).toInstant());
	}
}
