package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.support.TestEngines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.process.ModelVersions;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.reports.ReportDecisions.AcceptanceDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports whose handling started on the model as it was before the module's glue changed (a copy of it is in
 * {@code src/test/resources/legacy/}) finish on the new model: at start-up their instances move to the new version,
 * and what they still have to do runs the new glue, through the task gateway and the new forms. One waits for its
 * acceptance decision; the other was accepted on the old model, its case opened by the old glue, and waits for the
 * notice to the reporter and the conclusion.
 */
class ReportHandlingMigrationTest {

	private static final String[] FORMS = { "forms/report-acceptance.form", "forms/report-supervision.form",
			"forms/report-case-notice.form", "forms/report-conclusion.form", "forms/report-reward-approval.form",
			"forms/report-reward-payment.form" };

	private static ProcessEngine engine;

	private final Clock clock = Clock.fixed(ReportHandlingProcessTest.RECEIVED.toInstant(), ReportHandlingProcessTest.CST);
	private final ReportDecisions decisions = mock(ReportDecisions.class);
	private final ReportHandling handling = mock(ReportHandling.class);
	private final ReportRewards rewards = mock(ReportRewards.class);
	private final Reports reports = mock(Reports.class);

	@BeforeAll
	static void engine() {
		engine = TestEngines.inMemory("report-migration-test");
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		ClockUtil.reset();
	}

	@Test
	void reportsStartedOnTodaysModelFinishOnTheNewVersionWithTheNewGlue() {
		// the reports arrive and are decided on the 23rd of November, as the module recorded it
		ClockUtil.setCurrentTime(Date.from(ReportHandlingProcessTest.RECEIVED.toInstant()));
		deploy("legacy/report-handling.bpmn");
		TodaysGlue today = new TodaysGlue();
		Mocks.register("reportSteps", today);
		Mocks.register("reportDeadlines", today.deadlines);
		ProcessInstance waitingForDecision = start(41L, "JB370300-2026-000041", false);
		ProcessInstance accepted = start(42L, "JB370300-2026-000042", true);
		complete(accepted, "Task_DecideAcceptance", "handler1", Map.of("acceptance", "ACCEPT", "caseSummary", "挂床住院"));
		assertThat(today.calls).containsExactly("registerIntake 41", "registerIntake 42", "openCase 42 挂床住院 handler1");
		assertThat(TestEngines.openTaskKeys(engine, accepted)).containsExactlyInAnyOrder("Task_NotifyCaseFiled", "Task_RecordConclusion");

		Date noticeDue = engine.getManagementService().createJobQuery().processInstanceId(accepted.getId()).timers()
			.singleResult().getDuedate();

		deploy("bpmn/report-handling.bpmn");
		Mocks.reset();
		// the module's state from before the change: the old glue recorded when the report was accepted, which the
		// new model's notice timer counts from when the move re-evaluates it
		when(reports.find(42L)).thenReturn(Optional.of(ReportHandlingProcessTest.report(ReportHandlingProcessTest.RECEIVED,
				ReportHandlingProcessTest.RECEIVED)));
		TaskGateway gateway = ReportHandlingProcessTest.gatewayOf(engine, clock);
		Mocks.register("reportSteps", new ReportSteps(gateway, decisions, handling, rewards,
				new ReportDeadlines(new Deadlines(new WorkingCalendar(), clock), ReportsProperties.defaults(), reports, clock)));
		ModelVersions.Moved moved = new ModelVersions(engine.getRepositoryService(), engine.getRuntimeService())
			.moveToLatest(ReportVariables.KEY);

		assertThat(moved.latestVersion()).isEqualTo(2);
		assertThat(moved.moved()).isEqualTo(2);
		assertThat(moved.leftOnTheirVersion()).isEmpty();
		assertThat(TestEngines.versionOf(engine, waitingForDecision)).isEqualTo(2);
		assertThat(TestEngines.versionOf(engine, accepted)).isEqualTo(2);
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(accepted.getId()).timers()
			.singleResult().getDuedate()).as("the notice timer keeps its time").isEqualTo(noticeDue);

		// the report that waited for its decision: the new listener records it, the new service task merges
		when(handling.merge(41L)).thenReturn(78L);
		when(reports.find(41L)).thenReturn(Optional.of(ReportHandlingProcessTest.report(ReportHandlingProcessTest.RECEIVED,
				ReportHandlingProcessTest.RECEIVED)));
		work(gateway, "JB370300-2026-000041", "Task_DecideAcceptance",
				Map.of("acceptance", "MERGE", "mergeCaseNumber", "370300-2026-000007"));
		verify(decisions).acceptance(41L, new AcceptanceDecision(Acceptance.MERGE, "", "370300-2026-000007", ""), "handler1");
		verify(handling).merge(41L);
		work(gateway, "JB370300-2026-000041", "Task_RecordConclusion", Map.of("conclusion", "已并案查处"));
		verify(decisions).conclusion(41L, false, false, "已并案查处", "handler1");
		verify(handling).conclude(41L);
		verify(handling).close(41L);
		assertThat(TestEngines.ended(engine, waitingForDecision)).isTrue();

		// the report accepted before the change: its open tasks use the new forms and listeners
		assertThat(gateway.form(open(gateway, "JB370300-2026-000042", "Task_NotifyCaseFiled").id()).id())
			.isEqualTo("report-case-notice");
		work(gateway, "JB370300-2026-000042", "Task_NotifyCaseFiled", Map.of("caseNotice", "已立案调查"));
		verify(decisions).caseNotice(42L, "已立案调查", "handler1");
		verify(handling).noticeCaseFiled(42L);
		when(rewards.assess(42L)).thenReturn(true);
		when(rewards.proposedAmount(42L)).thenReturn("2750.00");
		work(gateway, "JB370300-2026-000042", "Task_RecordConclusion",
				Map.of("reportVerified", "true", "factsNewToBureau", "true", "conclusion", "经查属实"));
		verify(decisions).conclusion(42L, true, true, "经查属实", "handler1");
		when(handling.offerReward(42L)).thenReturn(ReportHandlingProcessTest.endOf(2027, 1, 23));
		work(gateway, "JB370300-2026-000042", "Task_ApproveReward", ReportHandlingProcessTest.DIRECTOR,
				Map.of("rewardApproved", "true", "rewardOpinion", "同意"));
		verify(decisions).reward(42L, true, "同意", "director1");
		engine.getRuntimeService().createMessageCorrelation(ReportVariables.MESSAGE_REWARD_CLAIMED)
			.processInstanceBusinessKey("JB370300-2026-000042")
			.correlate();
		work(gateway, "JB370300-2026-000042", "Task_PayReward", Map.of("rewardPaid", "true"));
		verify(decisions).payment(42L, true, "handler1");
		verify(handling).recordPayment(42L);
		verify(handling).close(42L);
		assertThat(TestEngines.ended(engine, accepted)).isTrue();
		assertThat(today.calls).as("nothing ran the old glue after the move").hasSize(3);
	}

	private void deploy(String model) {
		var deployment = engine.getRepositoryService().createDeployment().addClasspathResource(model);
		for (String form : FORMS) {
			deployment.addClasspathResource(form);
		}
		deployment.deploy();
	}

	private ProcessInstance start(long reportId, String number, boolean realName) {
		// the start variables of today's ReportProcessStarter
		return engine.getRuntimeService().startProcessInstanceByKey(ReportVariables.KEY, number,
				Map.of("reportId", reportId, "reportNumber", number,
						"receivedAt", Date.from(ReportHandlingProcessTest.RECEIVED.toInstant()), "realName", realName));
	}

	/** Completes a task as today's report page did: the engine's completion with the variables, as the user. */
	private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
		Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey(taskKey).singleResult();
		engine.getIdentityService().setAuthentication(user, List.of("report-handler"));
		try {
			engine.getTaskService().complete(task.getId(), variables);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	private static WorkItem open(TaskGateway gateway, String number, String taskKey) {
		return gateway.openOf(number, ReportVariables.KEY).stream().filter(t -> t.key().equals(taskKey)).findFirst()
			.orElseThrow(() -> new AssertionError("no open " + taskKey + " for " + number));
	}

	private static void work(TaskGateway gateway, String number, String taskKey, Map<String, String> form) {
		work(gateway, number, taskKey, ReportHandlingProcessTest.HANDLER, form);
	}

	private static void work(TaskGateway gateway, String number, String taskKey,
			org.fundguard.identity.CurrentUser user, Map<String, String> form) {
		gateway.complete(open(gateway, number, taskKey).id(), user, form);
	}




	/** The beans today's model calls, with today's signatures: what ran before the change. */
	public static class TodaysGlue {

		final List<String> calls = new ArrayList<>();
		final TodaysDeadlines deadlines = new TodaysDeadlines();

		public Date registerIntake(Long reportId, Date acceptanceDue) {
			calls.add("registerIntake " + reportId);
			return acceptanceDue;
		}

		public Long openCase(Long reportId, String caseSummary, String userId) {
			calls.add("openCase " + reportId + " " + caseSummary + " " + userId);
			return 77L;
		}

		public void flagOverdue(Long reportId) {
			calls.add("flagOverdue " + reportId);
		}

		public void decline(Long reportId, String reason) {
			calls.add("decline " + reportId);
		}

		public Long merge(Long reportId, String caseNumber, String userId) {
			calls.add("merge " + reportId);
			return 78L;
		}

		public void noticeCaseFiled(Long reportId, String notice) {
			calls.add("noticeCaseFiled " + reportId);
		}

		public void conclude(Long reportId, Boolean verified, Boolean factsNew, String conclusion) {
			calls.add("conclude " + reportId);
		}
	}

	/** Today's {@code reportDeadlines} bean, which took times, not ids. */
	public static class TodaysDeadlines {

		private final Deadlines deadlines = new Deadlines(new WorkingCalendar(),
				Clock.fixed(ReportHandlingProcessTest.RECEIVED.toInstant(), ReportHandlingProcessTest.CST));

		public Date acceptance(Object receivedAt) {
			return deadlines.afterWorkingDays(receivedAt, 15);
		}

		public Date caseNotice(Object decidedAt) {
			return deadlines.afterWorkingDays(decidedAt, 5);
		}

		public Date handling(Object acceptedAt) {
			return deadlines.afterWorkingDays(acceptedAt, 60);
		}
	}
}
