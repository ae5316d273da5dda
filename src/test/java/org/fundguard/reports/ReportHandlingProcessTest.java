package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.reports.ReportDecisions.AcceptanceDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through bpmn/report-handling.bpmn, timers included, on an in-memory engine, with the module's real glue
 * ({@link ReportSteps}) and the real task gateway: tasks are completed as FundGuard's pages complete them, through
 * their forms. The module behind the glue is a stand-in that records what the process asked of it; the deadlines are
 * the real ones, on a controlled clock.
 */
@Deployment(resources = { "bpmn/report-handling.bpmn", "forms/report-acceptance.form", "forms/report-supervision.form",
		"forms/report-case-notice.form", "forms/report-conclusion.form", "forms/report-reward-approval.form",
		"forms/report-reward-payment.form" })
class ReportHandlingProcessTest {

	static final ZoneId CST = ZoneId.of("Asia/Shanghai");
	/** Monday 23 November 2026, 10:00 in Zibo. */
	static final ZonedDateTime RECEIVED = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, CST);
	static final long REPORT_ID = 41L;
	static final String NUMBER = "JB370300-2026-000041";
	static final CurrentUser HANDLER = new CurrentUser("handler1", "孙丽", Set.of(Role.REPORT_HANDLER));
	static final CurrentUser DIRECTOR = new CurrentUser("director1", "刘强", Set.of(Role.DIRECTOR));

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("reports/report-process-tests.cfg.xml")
		.build();

	private final ReportDecisions decisions = mock(ReportDecisions.class);
	private final ReportHandling handling = mock(ReportHandling.class);
	private final ReportRewards rewards = mock(ReportRewards.class);
	private final Reports reports = mock(Reports.class);
	private final Clock clock = Clock.fixed(RECEIVED.toInstant(), CST);
	private final ReportDeadlines deadlines = new ReportDeadlines(new Deadlines(new WorkingCalendar(), clock),
			ReportsProperties.defaults(), reports, clock);
	private TaskGateway gateway;

	@BeforeEach
	void glue() {
		// this class has its own engine; the static assertions must use it, not another test's "default" engine
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
		ClockUtil.setCurrentTime(Date.from(RECEIVED.toInstant()));
		gateway = gatewayOf(engine.getProcessEngine(), clock);
		Mocks.register("reportSteps", new ReportSteps(gateway, decisions, handling, rewards, deadlines));
		// the report as the module keeps it: received, and decided at once
		when(reports.find(REPORT_ID)).thenReturn(Optional.of(report(RECEIVED, RECEIVED)));
		when(handling.registerIntake(REPORT_ID)).thenAnswer(call -> deadlines.acceptance(REPORT_ID));
		when(handling.offerReward(REPORT_ID)).thenAnswer(call -> deadlines.claimWindowEnd(RECEIVED.toOffsetDateTime()));
		when(handling.openCase(REPORT_ID)).thenReturn(77L);
		when(handling.merge(REPORT_ID)).thenReturn(78L);
		when(rewards.proposedAmount(REPORT_ID)).thenReturn("1500.00");
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
		WorkItem decide = open("Task_DecideAcceptance");
		assertThat(decide.candidateGroups()).containsExactly("report-handler");
		Date due = endOf(2026, 12, 14);
		assertThat(Date.from(decide.due().toInstant())).isEqualTo(due);
		assertThat(decide.name()).isEqualTo("受理审查：JB370300-2026-000041");
		verify(handling).registerIntake(REPORT_ID);
		assertThat(job("Event_AcceptanceOverdue", report).getDuedate()).isEqualTo(due);
	}

	@Test
	void aDeclinedReportRecordsTheReasonWithTheHandlerTellsTheReporterAndEnds() {
		ProcessInstance report = start(true);

		work("Task_DecideAcceptance", HANDLER, Map.of("acceptance", "DECLINE", "declineReason", "不属于医保基金监管范围"));

		verify(decisions).acceptance(REPORT_ID, new AcceptanceDecision(Acceptance.DECLINE, "", "", "不属于医保基金监管范围"),
				"handler1");
		verify(handling).decline(REPORT_ID);
		verify(handling, never()).openCase(anyLong());
		assertThat(report).hasPassed("Task_DeclineReport", "Event_Declined").isEnded();
	}

	@Test
	void anAcceptedRealNameReportOpensACaseTellsTheReporterAndClosesWithoutReward() {
		ProcessInstance report = start(true);

		work("Task_DecideAcceptance", HANDLER, Map.of("acceptance", "ACCEPT", "caseSummary", "某医院虚构住院"));

		verify(decisions).acceptance(REPORT_ID, new AcceptanceDecision(Acceptance.ACCEPT, "某医院虚构住院", "", ""), "handler1");
		verify(handling).openCase(REPORT_ID);
		assertThat(report).variables().containsEntry(ReportVariables.CASE_ID, 77L);
		assertThat(report).isWaitingAt("Task_NotifyCaseFiled", "Task_RecordConclusion");
		assertThat(Date.from(open("Task_NotifyCaseFiled").due().toInstant())).as("5 working days").isEqualTo(endOf(2026, 11, 30));
		var sixtyWorkingDays = new WorkingCalendar().plusWorkingDays(RECEIVED.toLocalDate(), 60);
		assertThat(Date.from(open("Task_RecordConclusion").due().toInstant())).as("60 working days")
			.isEqualTo(endOf(sixtyWorkingDays.getYear(), sixtyWorkingDays.getMonthValue(), sixtyWorkingDays.getDayOfMonth()));

		work("Task_NotifyCaseFiled", HANDLER, Map.of("caseNotice", "已立案调查"));
		verify(decisions).caseNotice(REPORT_ID, "已立案调查", "handler1");
		verify(handling).noticeCaseFiled(REPORT_ID);
		when(rewards.assess(REPORT_ID)).thenReturn(false);
		conclude(false, false);

		verify(decisions).conclusion(REPORT_ID, false, false, "经查属实，已追回基金损失", "handler1");
		assertThat(report).isEnded().hasPassed("Task_ConcludeReport", "Task_AssessReward", "Task_CloseReport")
			.hasNotPassed("Task_ApproveReward");
		verify(handling).conclude(REPORT_ID);
		verify(handling).close(REPORT_ID);
	}

	@Test
	void anAnonymousReportMergedIntoAnOpenCaseGetsNoCaseNoticeTask() {
		ProcessInstance report = start(false);

		work("Task_DecideAcceptance", HANDLER, Map.of("acceptance", "MERGE", "mergeCaseNumber", "370300-2026-000007"));

		verify(decisions).acceptance(REPORT_ID, new AcceptanceDecision(Acceptance.MERGE, "", "370300-2026-000007", ""),
				"handler1");
		verify(handling).merge(REPORT_ID);
		assertThat(report).variables().containsEntry(ReportVariables.CASE_ID, 78L);
		assertThat(report).isWaitingAt("Task_RecordConclusion");
		assertThat(report).hasPassed("Task_MergeIntoCase").hasNotPassed("Task_NotifyCaseFiled");
		when(rewards.assess(REPORT_ID)).thenReturn(false);
		conclude(true, false);
		assertThat(report).isEnded();
	}

	@Test
	void whatTheModuleRefusesLeavesTheTaskOpenAndReachesTheHandlerInTheirWords() {
		ProcessInstance report = start(true);
		doThrow(Refused.because("reports.acceptance.no-open-case", "370300-1999-999999")).when(decisions)
			.acceptance(anyLong(), any(), anyString());

		assertThatThrownBy(() -> work("Task_DecideAcceptance", HANDLER,
				Map.of("acceptance", "MERGE", "mergeCaseNumber", "370300-1999-999999")))
			.isExactlyInstanceOf(Refused.class)
			.hasMessage("没有编号为“370300-1999-999999”的在办案件");
		assertThatThrownBy(() -> work("Task_DecideAcceptance", HANDLER, Map.of("acceptance", "MAYBE")))
			.isInstanceOf(Refused.class);

		assertThat(report).isWaitingAt("Task_DecideAcceptance");
		verify(handling, never()).merge(anyLong());
	}

	@Test
	void aDecisionTakenInCamundaTasklistIsRecordedThroughTheSameListenerWithWhoTookIt() {
		ProcessInstance report = start(true);
		String task = open("Task_DecideAcceptance").id();

		// Tasklist completes the task itself, as the signed-in user, with the form's values
		identityService().setAuthentication("handler2", List.of("report-handler"));
		taskService().complete(task, Map.of("acceptance", "DECLINE", "declineReason", "重复举报"));
		identityService().clearAuthentication();

		verify(decisions).acceptance(REPORT_ID, new AcceptanceDecision(Acceptance.DECLINE, "", "", "重复举报"), "handler2");
		assertThat(report).isEnded();
	}

	@Test
	void anOverdueAcceptanceDecisionIsFlaggedAndEscalatedToTheDirectorWhileTheHandlerMayStillDecide() {
		ProcessInstance report = start(true);

		Job timer = job("Event_AcceptanceOverdue", report);
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		verify(handling).flagOverdue(REPORT_ID);
		assertThat(report).isWaitingAt("Task_DecideAcceptance", "Task_SuperviseAcceptance");
		assertThat(open("Task_SuperviseAcceptance").candidateGroups()).containsExactly("director");

		work("Task_SuperviseAcceptance", DIRECTOR, Map.of("supervisionOpinion", "请于两日内作出决定"));
		work("Task_DecideAcceptance", HANDLER, Map.of("acceptance", "DECLINE", "declineReason", "重复举报"));
		assertThat(report).isEnded().hasPassed("Event_Supervised", "Event_Declined");
	}

	@Test
	void aRealNameReporterNotToldWithinFiveWorkingDaysGetsTheStandardNoticeAutomatically() {
		ProcessInstance report = start(true);
		work("Task_DecideAcceptance", HANDLER, Map.of("acceptance", "ACCEPT"));

		Job timer = job("Event_CaseNoticeDue", report);
		assertThat(timer.getDuedate()).isEqualTo(endOf(2026, 11, 30));
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		// nothing was written for the reporter: the module posts its standard text
		verify(decisions, never()).caseNotice(anyLong(), any(), any());
		verify(handling).noticeCaseFiled(REPORT_ID);
		assertThat(report).hasPassed("Task_PostStandardCaseNotice").isWaitingAt("Task_RecordConclusion");
		assertThat(taskQuery().taskDefinitionKey("Task_NotifyCaseFiled").count()).isZero();
	}

	@Test
	void anEligibleRewardApprovedAndClaimedIsPaidAndTheReportCloses() {
		ProcessInstance report = throughConclusionEligible();

		WorkItem approval = open("Task_ApproveReward");
		assertThat(approval.candidateGroups()).containsExactly("director");
		assertThat(gateway.values(approval.id()).text(ReportVariables.REWARD_AMOUNT)).isEqualTo("1500.00");
		work("Task_ApproveReward", DIRECTOR, Map.of("rewardApproved", "true", "rewardOpinion", "同意"));

		verify(decisions).reward(REPORT_ID, true, "同意", "director1");
		verify(handling).offerReward(REPORT_ID);
		Date claimDue = endOf(2027, 1, 23);
		assertThat(report).isWaitingAt("Gateway_ClaimOrLapse").isWaitingFor(ReportVariables.MESSAGE_REWARD_CLAIMED);
		assertThat(job("Event_ClaimWindowEnded", report).getDuedate()).as("2 months").isEqualTo(claimDue);

		runtimeService().createMessageCorrelation(ReportVariables.MESSAGE_REWARD_CLAIMED)
			.processInstanceBusinessKey(NUMBER)
			.correlate();
		assertThat(report).isWaitingAt("Task_PayReward");
		assertThat(open("Task_PayReward").candidateGroups()).containsExactly("report-handler");
		work("Task_PayReward", HANDLER, Map.of("rewardPaid", "true"));

		verify(decisions).payment(REPORT_ID, true, "handler1");
		verify(handling).recordPayment(REPORT_ID);
		verify(handling, never()).lapseReward(anyLong());
		assertThat(report).isEnded().hasPassed("Task_CloseReport");
	}

	@Test
	void anUnclaimedRewardLapsesWhenTheClaimWindowEnds() {
		ProcessInstance report = throughConclusionEligible();
		work("Task_ApproveReward", DIRECTOR, Map.of("rewardApproved", "true"));

		Job timer = job("Event_ClaimWindowEnded", report);
		ClockUtil.setCurrentTime(timer.getDuedate());
		execute(timer);

		verify(handling).lapseReward(REPORT_ID);
		verify(handling, never()).recordPayment(anyLong());
		assertThat(report).isEnded().hasPassed("Task_LapseReward", "Task_CloseReport").hasNotPassed("Task_PayReward");
	}

	@Test
	void aRewardTheDirectorDoesNotApproveIsRecordedAndTheReportCloses() {
		ProcessInstance report = throughConclusionEligible();

		work("Task_ApproveReward", DIRECTOR, Map.of("rewardOpinion", "损失认定尚有争议"));

		verify(decisions).reward(REPORT_ID, false, "损失认定尚有争议", "director1");
		verify(handling).refuseReward(REPORT_ID);
		verify(handling, never()).offerReward(anyLong());
		assertThat(report).isEnded().hasPassed("Task_RecordRewardRefused", "Task_CloseReport");
	}

	@Test
	void theHandlersTasksAreWorkedOnTheReportPageAndTheDirectorsInTasklist() {
		ProcessInstance report = start(true);
		ReportTaskPages pages = new ReportTaskPages();

		assertThat(pages.pageOf(open("Task_DecideAcceptance"))).contains("/reports/" + NUMBER);
		execute(job("Event_AcceptanceOverdue", report));
		assertThat(pages.pageOf(open("Task_SuperviseAcceptance"))).isEmpty();
	}

	private ProcessInstance throughConclusionEligible() {
		ProcessInstance report = start(true);
		work("Task_DecideAcceptance", HANDLER, Map.of("acceptance", "ACCEPT"));
		work("Task_NotifyCaseFiled", HANDLER, Map.of());
		when(rewards.assess(REPORT_ID)).thenReturn(true);
		conclude(true, true);
		verify(decisions).conclusion(REPORT_ID, true, true, "经查属实，已追回基金损失", "handler1");
		assertThat(report).hasPassed("Task_AssessReward").isWaitingAt("Task_ApproveReward");
		return report;
	}

	private ProcessInstance start(boolean realName) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(ReportVariables.REPORT_ID, REPORT_ID);
		variables.put(ReportVariables.REPORT_NUMBER, NUMBER);
		variables.put(ReportVariables.REAL_NAME, realName);
		return runtimeService().startProcessInstanceByKey(ReportVariables.KEY, NUMBER, variables);
	}

	private WorkItem open(String taskKey) {
		return gateway.openOf(NUMBER, ReportVariables.KEY).stream()
			.filter(t -> t.key().equals(taskKey))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no open " + taskKey));
	}

	/** Completes the task as the report page does: through the gateway, with the form's fields as text. */
	private void work(String taskKey, CurrentUser user, Map<String, String> form) {
		gateway.complete(open(taskKey).id(), user, form);
	}

	private void conclude(boolean verified, boolean factsNew) {
		Map<String, String> form = new HashMap<>(Map.of("conclusion", "经查属实，已追回基金损失"));
		if (verified) {
			form.put("reportVerified", "true");
		}
		if (factsNew) {
			form.put("factsNewToBureau", "true");
		}
		work("Task_RecordConclusion", HANDLER, form);
	}

	static TaskGateway gatewayOf(org.camunda.bpm.engine.ProcessEngine engine, Clock clock) {
		return new TaskGateway(engine.getTaskService(), engine.getRuntimeService(), engine.getFormService(),
				engine.getIdentityService(), new Deadlines(new WorkingCalendar(), clock), engine.getAuthorizationService());
	}

	/** A report as {@link Reports} reads it: what the deadlines count from, and nothing about who reported. */
	static Report report(ZonedDateTime receivedAt, ZonedDateTime decidedAt) {
		return new Report(REPORT_ID, NUMBER, SubjectKind.OTHER_INSTITUTION, null, "淄博某康复医院", ReportCategory.BED_OCCUPANCY,
				"该医院长期挂床住院。", null, null, false, false, ReportStatus.RECEIVED, receivedAt.toOffsetDateTime(), null, false,
				decidedAt == null ? null : decidedAt.toOffsetDateTime(), null, null, false, null, null, null, null, null, null,
				null, null, null, null, null, null, null, true);
	}

	/** The deadline "by the end of" that day: midnight after it, China Standard Time. */
	static Date endOf(int year, int month, int day) {
		return Date.from(ZonedDateTime.of(year, month, day, 0, 0, 0, 0, CST).plusDays(1).toInstant());
	}
}
