package org.fundguard.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.inspections.InspectionRecorded;
import org.fundguard.inspections.InspectionResult;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.support.MutableClock;
import org.fundguard.support.ProcessTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Every path through bpmn/fund-focus.bpmn: analysis, plan, the plan's inspections all recorded (message) or the
 * director proceeding without them, assessment, resolution and the director's sign-off, approved or returned for
 * rework; who may work which task; due dates in Chinese working days on a controlled clock (the eve of the National
 * Day holiday). The real glue ({@link FocusSteps}) runs with the real task gateway and the forms; the module behind
 * it is a stand-in, except for the due dates, which the real module computes.
 */
@Deployment(resources = { "bpmn/fund-focus.bpmn", "forms/fund-focus-analysis.form", "forms/fund-focus-plan.form",
		"forms/fund-focus-proceed.form", "forms/fund-focus-assessment.form", "forms/fund-focus-resolution.form",
		"forms/fund-focus-sign-off.form" })
class FundFocusProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-focus-process-tests.cfg.xml")
		.build();

	static final long ID = 7L;
	static final CurrentUser ANALYST = new CurrentUser("analyst1", "陈敏", Set.of(Role.ANALYST));
	static final CurrentUser INSPECTOR = new CurrentUser("inspector1", "张伟", Set.of(Role.INSPECTOR));
	static final CurrentUser DIRECTOR = new CurrentUser("director1", "刘强", Set.of(Role.DIRECTOR));

	/** Wednesday 30 September 2026, 10:00 in Jinan: the National Day holiday (1–7 October) starts tomorrow. */
	private final MutableClock clock = new MutableClock(Instant.parse("2026-09-30T02:00:00Z"));
	private final Deadlines deadlines = new Deadlines(new WorkingCalendar(), clock);
	private final FocusedInspections module = mock(FocusedInspections.class);
	private final org.springframework.context.ApplicationEventPublisher events = mock(org.springframework.context.ApplicationEventPublisher.class);
	private TaskGateway gateway;

	@BeforeEach
	void glue() {
		gateway = ProcessTests.begin(engine.getProcessEngine());
		Mocks.register("focusSteps", new FocusSteps(gateway, module));
		FocusedInspections real = new FocusedInspections(null, null, null, null, null, null, null, deadlines,
				new FocusProperties(10, 5, 10, 10, 5, 250), clock, events);
		when(module.due(anyString())).thenAnswer(i -> real.due(i.getArgument(0)));
		when(module.inspectionsDue(ID)).thenReturn(Date.from(Instant.parse("2026-11-30T15:59:59Z")));
	}

	@AfterAll
	static void unregisterEngine() {
		ProcessTests.unregister(engine.getProcessEngine());
	}

	@AfterEach
	void reset() {
		ProcessTests.end(engine.getProcessEngine());
	}

	@Test
	void theAnalysisGoesToAnalystsDueInTenWorkingDaysAfterTheHoliday() {
		ProcessInstance instance = start();

		assertThat(instance).isWaitingAt("Task_AnalyseFundGrowth");
		WorkItem analysis = only("Task_AnalyseFundGrowth");
		assertThat(analysis.candidateGroups()).containsExactly("analyst");
		// 1–7 October are holidays and Saturday 10 October a make-up working day: the 10th working day is 20 October
		assertThat(deadlines.lastDayOf(Date.from(analysis.due().toInstant()))).isEqualTo(LocalDate.of(2026, 10, 20));
		assertThat(gateway.openFor(INSPECTOR, FocusVariables.KEY)).isEmpty();

		gateway.complete(analysis.id(), ANALYST, Map.of("findings", "一院住院支出同比增长 60%"));
		verify(module).analysed(ID, "一院住院支出同比增长 60%", "analyst1");
		WorkItem plan = only("Task_DraftRegionalInspectionPlan");
		assertThat(plan.candidateGroups()).containsExactly("inspector");
		// five working days from 30 September: 8, 9, 10 (make-up), 12, 13 October
		assertThat(deadlines.lastDayOf(Date.from(plan.due().toInstant()))).isEqualTo(LocalDate.of(2026, 10, 13));
	}

	@Test
	void thePlanIsDraftedByAnInspectorAndTheProcessGoesOnWhenEveryInspectionIsRecorded() {
		ProcessInstance instance = start();
		complete("Task_AnalyseFundGrowth", ANALYST, Map.of("findings", "分析结论"));

		assertThatThrownBy(() -> gateway.complete(only("Task_DraftRegionalInspectionPlan").id(), ANALYST,
				Map.of("sampleCount", "2", "inspectorsPerInstitution", "2", "planDeadline", "2026-11-30")))
			.isInstanceOf(Refused.class);
		complete("Task_DraftRegionalInspectionPlan", INSPECTOR,
				Map.of("sampleCount", "3", "inspectorsPerInstitution", "2", "planDeadline", "2026-11-30"));
		ArgumentCaptor<CurrentUser> drafter = ArgumentCaptor.forClass(CurrentUser.class);
		verify(module).plan(eq(ID), eq(3), eq(2), eq(LocalDate.of(2026, 11, 30)), drafter.capture());
		assertThat(drafter.getValue().username()).isEqualTo("inspector1");
		assertThat(drafter.getValue().has(Role.INSPECTOR)).isTrue();

		WorkItem waiting = only("Task_AwaitPlanInspections");
		assertThat(waiting.candidateGroups()).containsExactly("director");
		assertThat(Date.from(waiting.due().toInstant())).isEqualTo(Date.from(Instant.parse("2026-11-30T15:59:59Z")));

		runtimeService().createMessageCorrelation(FocusVariables.MESSAGE_PLAN_INSPECTIONS_RECORDED)
			.processInstanceBusinessKey(FocusedInspections.subject(ID)).correlate();

		verify(module).inspectionsRecorded(ID);
		verify(module, never()).proceeded(anyLong(), any(), any());
		assertThat(instance).hasPassed("Event_PlanInspectionsRecorded", "Task_NoteInspectionsRecorded")
			.isWaitingAt("Task_AssessFundRisk");
		assertThat(only("Task_AssessFundRisk").candidateGroups()).containsExactly("analyst");
	}

	@Test
	void theDirectorMayProceedBeforeTheInspectionsAndTheApprovedMeasuresConcludeIt() {
		ProcessInstance instance = toWaiting();

		complete("Task_AwaitPlanInspections", DIRECTOR, Map.of("proceedNote", "检查已基本完成，先行评估"));
		verify(module).proceeded(ID, "检查已基本完成，先行评估", "director1");
		verify(module, never()).inspectionsRecorded(anyLong());

		complete("Task_AssessFundRisk", ANALYST, Map.of("riskLevel", "HIGH", "causes", "住院人次异常增长"));
		verify(module).assessed(ID, "HIGH", "住院人次异常增长", "analyst1");
		complete("Task_ResolveFundRisk", ANALYST, Map.of("measures", "约谈一院并开展专项治理", "measuresWorkingDays", "30"));
		verify(module).resolved(ID, "约谈一院并开展专项治理", 30, "analyst1");
		WorkItem signOff = only("Task_SignOffResolution");
		assertThat(signOff.candidateGroups()).containsExactly("director");

		gateway.complete(signOff.id(), DIRECTOR, Map.of("signOff", "APPROVE", "signOffOpinion", "同意"));
		ArgumentCaptor<CurrentUser> director = ArgumentCaptor.forClass(CurrentUser.class);
		verify(module).signedOff(eq(ID), eq("APPROVE"), eq("同意"), director.capture());
		assertThat(director.getValue().has(Role.DIRECTOR)).isTrue();
		assertThat(instance).hasPassed("Gateway_SignOffDecided", "Event_FocusedInspectionConcluded").isEnded();
	}

	@Test
	void aReturnedResolutionGoesBackToTheAnalystsForRework() {
		ProcessInstance instance = toWaiting();
		complete("Task_AwaitPlanInspections", DIRECTOR, Map.of("proceedNote", "推进"));
		complete("Task_AssessFundRisk", ANALYST, Map.of("riskLevel", "MEDIUM", "causes", "成因"));
		complete("Task_ResolveFundRisk", ANALYST, Map.of("measures", "措施一", "measuresWorkingDays", "20"));

		complete("Task_SignOffResolution", DIRECTOR, Map.of("signOff", "RETURN", "signOffOpinion", "措施不具体"));
		verify(module).signedOff(eq(ID), eq("RETURN"), eq("措施不具体"), any());
		assertThat(instance).hasPassed("Task_SignOffResolution", "Gateway_SignOffDecided")
			.hasNotPassed("Event_FocusedInspectionConcluded").isWaitingAt("Task_ResolveFundRisk");

		complete("Task_ResolveFundRisk", ANALYST, Map.of("measures", "措施二：追回 120 万元", "measuresWorkingDays", "20"));
		complete("Task_SignOffResolution", DIRECTOR, Map.of("signOff", "APPROVE"));
		assertThat(instance).isEnded();
		verify(module).resolved(ID, "措施二：追回 120 万元", 20, "analyst1");
	}

	@Test
	void aStepTheModuleRefusesStaysOpenAndItsUserReadsWhy() {
		ProcessInstance instance = start();
		doThrow(Refused.because("focus.analysis.findings-required")).when(module).analysed(eq(ID), eq(""), any());

		assertThatThrownBy(() -> complete("Task_AnalyseFundGrowth", ANALYST, Map.of("findings", "")))
			.isExactlyInstanceOf(Refused.class).hasMessageContaining("分析结论");
		assertThat(instance).isWaitingAt("Task_AnalyseFundGrowth");
	}

	@Test
	void onlyADirectorSignsOffAndAnAnalystCannotTakeTheDirectorsTask() {
		toWaiting();
		WorkItem waiting = only("Task_AwaitPlanInspections");
		assertThatThrownBy(() -> gateway.complete(waiting.id(), ANALYST, Map.of("proceedNote", "推进")))
			.isInstanceOf(Refused.class);
		assertThat(gateway.openFor(ANALYST, FocusVariables.KEY)).isEmpty();
		verify(module, never()).proceeded(anyLong(), any(), any());
	}

	@Test
	void aWholeNumberIsReadAsTasklistAndThePagesSendItAndAFractionIsRefused() {
		ProcessInstance instance = toWaiting();
		complete("Task_AwaitPlanInspections", DIRECTOR, Map.of("proceedNote", "推进"));
		complete("Task_AssessFundRisk", ANALYST, Map.of("riskLevel", "LOW", "causes", "成因"));

		assertThatThrownBy(() -> complete("Task_ResolveFundRisk", ANALYST, Map.of("measures", "措施", "measuresWorkingDays", "2.5")))
			.isInstanceOf(Refused.class).hasMessageContaining("整数");
		assertThat(instance).isWaitingAt("Task_ResolveFundRisk");
		verify(module, never()).resolved(anyLong(), any(), any(), any());
	}

	/** The last inspection of the plan recorded: the follower correlates the message, the director's wait ends. */
	@Test
	void theLastRecordedInspectionOfThePlanEndsTheDirectorsWait() {
		ProcessInstance instance = toWaiting();
		PlanInspectionsFollower follower = new PlanInspectionsFollower(module, runtimeService());
		InspectionRecorded other = new InspectionRecorded(1, 21, "H2", "二院", "370303", InspectionResult.NO_PROBLEM,
				LocalDate.of(2026, 10, 20));
		when(module.doneWithPlan(21L)).thenReturn(java.util.Optional.empty());
		follower.on(other);
		assertThat(instance).isWaitingAt("Task_AwaitPlanInspections");

		when(module.doneWithPlan(20L)).thenReturn(java.util.Optional.of(ID));
		follower.on(new InspectionRecorded(2, 20, "H1", "一院", "370303", InspectionResult.NO_PROBLEM, LocalDate.of(2026, 10, 21)));

		assertThat(instance).hasPassed("Event_PlanInspectionsRecorded").isWaitingAt("Task_AssessFundRisk");
		verify(module).inspectionsRecorded(ID);
	}

	private ProcessInstance toWaiting() {
		ProcessInstance instance = start();
		complete("Task_AnalyseFundGrowth", ANALYST, Map.of("findings", "分析结论"));
		complete("Task_DraftRegionalInspectionPlan", INSPECTOR,
				Map.of("sampleCount", "2", "inspectorsPerInstitution", "2", "planDeadline", "2026-11-30"));
		assertThat(instance).isWaitingAt("Task_AwaitPlanInspections");
		return instance;
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(FocusVariables.KEY, FocusedInspections.subject(ID),
				Map.of(FocusVariables.FOCUS_ID, ID, FocusVariables.FUND_NAME, "370300 职工基本医疗保险"));
	}

	private void complete(String key, CurrentUser user, Map<String, String> form) {
		gateway.complete(only(key).id(), user, form);
	}

	private WorkItem only(String key) {
		List<WorkItem> open = gateway.openOf(FocusedInspections.subject(ID), FocusVariables.KEY).stream()
			.filter(t -> t.key().equals(key)).toList();
		assertThat(open).hasSize(1);
		return open.getFirst();
	}
}
