package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.fundguard.support.ProcessTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through bpmn/random-inspection.bpmn: approve and return, a stopped draw retried or returned, each of
 * the four results, further handling opening a case, and the publication timer escalating to the director. The
 * model's real glue ({@link InspectionSteps}) runs with the real task gateway, and the tasks are completed through
 * their forms as the workbench's pages complete them; the module behind the glue is a stand-in (its real behaviour is
 * tested against the database in {@code RandomInspectionIT}).
 */
@Deployment(resources = { "bpmn/random-inspection.bpmn", "forms/random-inspection-draft-plan.form",
		"forms/random-inspection-approve-plan.form", "forms/random-inspection-stopped-draw.form",
		"forms/random-inspection-on-site.form", "forms/random-inspection-publish-result.form",
		"forms/random-inspection-publish-overdue.form" })
class RandomInspectionProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-inspection-process-tests.cfg.xml")
		.build();

	static final long PLAN = 7L;
	static final CurrentUser INSPECTOR1 = new CurrentUser("inspector1", "张伟", Set.of(Role.INSPECTOR));
	static final CurrentUser INSPECTOR2 = new CurrentUser("inspector2", "李娜", Set.of(Role.INSPECTOR));
	static final CurrentUser DIRECTOR = new CurrentUser("director1", "刘强", Set.of(Role.DIRECTOR));
	private static final Date PLAN_DEADLINE = new Date(System.currentTimeMillis() + 90L * 24 * 3600 * 1000);

	private final InspectionPlans plans = mock(InspectionPlans.class);
	private final PlanDraws draws = mock(PlanDraws.class);
	private final Inspections inspections = mock(Inspections.class);
	private final FurtherHandling furtherHandling = mock(FurtherHandling.class);
	private final Deadlines deadlines = new Deadlines(new WorkingCalendar(), Clock.systemUTC());
	/** What the module sets when a result is recorded: 20 working days to publish it. */
	private final Date publicationDue = deadlines.workingDaysFromNow(20);
	private TaskGateway gateway;

	@BeforeEach
	void glue() {
		gateway = ProcessTests.begin(engine.getProcessEngine());
		Mocks.register("inspectionSteps", new InspectionSteps(gateway, plans, draws, inspections, furtherHandling));
		when(plans.inspectionDue(PLAN)).thenReturn(PLAN_DEADLINE);
		when(inspections.publicationDue(anyLong())).thenReturn(publicationDue);
	}

	@org.junit.jupiter.api.AfterAll
	static void unregisterEngine() {
		ProcessTests.unregister(engine.getProcessEngine());
	}

	@AfterEach
	void reset() {
		ProcessTests.end(engine.getProcessEngine());
	}

	@Test
	void anInspectorDraftsADirectorApprovesAndTheDrawIsCommittedBeforeItRuns() {
		ProcessInstance instance = approvedAndDrawn(List.of(11L, 12L));

		assertThat(instance).hasPassedInOrder("Task_DraftPlan", "Task_ApprovePlan", "Task_CommitDraw",
				"Task_DrawInstitutionsAndTeams", "Task_PublishPlan");
		verify(plans).submit(PLAN);
		verify(plans).decide(PLAN, PlanDecision.APPROVE, "同意", "director1");
		var order = org.mockito.Mockito.inOrder(draws);
		order.verify(draws).commit(PLAN);
		order.verify(draws).draw(PLAN);
		order.verify(draws).publish(PLAN);
		List<WorkItem> onSite = open("Task_InspectOnSite");
		assertThat(onSite).hasSize(2);
		assertThat(onSite.getFirst().candidateGroups()).containsExactly("inspector");
		assertThat(Date.from(onSite.getFirst().due().toInstant())).isEqualTo(PLAN_DEADLINE);
	}

	@Test
	void aReturnedPlanGoesBackToTheInspectorWithTheOpinionAndNothingIsDrawn() {
		ProcessInstance instance = start();
		work("Task_DraftPlan", INSPECTOR1, Map.of());
		assertThat(open("Task_ApprovePlan").getFirst().candidateGroups()).containsExactly("director");

		work("Task_ApprovePlan", DIRECTOR, Map.of("planDecision", "RETURN", "decisionOpinion", "比例过低"));

		assertThat(instance).isWaitingAt("Task_DraftPlan");
		verify(plans).decide(PLAN, PlanDecision.RETURN, "比例过低", "director1");
		verify(draws, never()).commit(anyLong());
	}

	@Test
	void aStoppedDrawGoesToTheDirectorWithItsReasonAndIsRetriedWithANewCommitment() {
		when(draws.draw(PLAN)).thenThrow(new NotEnoughInspectors("H37030300001", "第一医院", 2, 1)).thenReturn(List.of(11L));
		when(draws.publish(PLAN)).thenReturn(List.of(11L));
		ProcessInstance instance = start();
		work("Task_DraftPlan", INSPECTOR1, Map.of());
		work("Task_ApprovePlan", DIRECTOR, Map.of("planDecision", "APPROVE"));
		execute(job(instance));

		assertThat(instance).isWaitingAt("Task_DecideStoppedDraw").variables().containsEntry("drawProblem",
				"可选执法检查人员不足：检查对象 第一医院（H37030300001）需要 2 名，回避后仅有 1 名符合条件。"
						+ "本次抽取未保存任何结果，请补充检查人员名录或调整计划后重新抽取。");
		assertThat(open("Task_DecideStoppedDraw").getFirst().candidateGroups()).containsExactly("director");

		work("Task_DecideStoppedDraw", DIRECTOR, Map.of("drawStopDecision", "RETRY"));
		execute(job(instance));

		verify(draws, times(2)).commit(PLAN);
		verify(plans).afterStoppedDraw(PLAN, DrawStopDecision.RETRY, "director1");
		assertThat(instance).isWaitingAt("SubProcess_InspectInstitution");
	}

	@Test
	void aStoppedDrawCanSendThePlanBackToItsDrafter() {
		when(draws.draw(PLAN)).thenThrow(new DrawStopped("inspections.draw.nothing-to-draw"));
		ProcessInstance instance = start();
		work("Task_DraftPlan", INSPECTOR1, Map.of());
		work("Task_ApprovePlan", DIRECTOR, Map.of("planDecision", "APPROVE"));
		execute(job(instance));

		work("Task_DecideStoppedDraw", DIRECTOR, Map.of("drawStopDecision", "RETURN"));

		assertThat(instance).isWaitingAt("Task_DraftPlan");
		verify(plans).afterStoppedDraw(PLAN, DrawStopDecision.RETURN, "director1");
		verify(draws, never()).publish(anyLong());
	}

	@Test
	void eachOfTheThreeResultsWithoutACaseIsPublishedAndThePlanCloses() {
		ProcessInstance instance = approvedAndDrawn(List.of(11L, 12L, 13L));
		List<WorkItem> onSite = open("Task_InspectOnSite");
		String[] results = { "NO_PROBLEM", "CORRECTED_ON_SITE", "REFUSED_TO_COOPERATE" };
		for (int i = 0; i < 3; i++) {
			gateway.complete(onSite.get(i).id(), INSPECTOR1, Map.of("inspectionResult", results[i], "resultNote", "说明" + i,
					"recordDocumentId", "doc-" + i));
		}
		verify(inspections).record(anyLong(), eq(InspectionResult.NO_PROBLEM), eq("说明0"), eq("doc-0"), eq("inspector1"));
		verify(inspections).record(anyLong(), eq(InspectionResult.REFUSED_TO_COOPERATE), eq("说明2"), eq("doc-2"),
				eq("inspector1"));
		verify(furtherHandling, never()).openCase(anyLong());

		List<WorkItem> publications = open("Task_PublishResult");
		assertThat(publications).hasSize(3);
		assertThat(Date.from(publications.getFirst().due().toInstant())).isEqualTo(publicationDue);
		for (WorkItem t : publications) {
			gateway.complete(t.id(), INSPECTOR2, Map.of());
		}

		verify(inspections, times(3)).publish(anyLong(), eq("inspector2"));
		verify(plans).close(PLAN);
		assertThat(instance).hasPassed("Event_ResultPublished", "Task_ClosePlan").isEnded();
	}

	@Test
	void eachInspectionCarriesItsOwnResultSoParallelInspectionsDoNotMix() {
		ProcessInstance instance = approvedAndDrawn(List.of(21L, 22L));
		List<WorkItem> onSite = open("Task_InspectOnSite");

		gateway.complete(onSite.get(0).id(), INSPECTOR1, Map.of("inspectionResult", "FURTHER_HANDLING", "resultNote",
				"串换项目", "recordDocumentId", "doc-a"));
		gateway.complete(onSite.get(1).id(), INSPECTOR1, Map.of("inspectionResult", "NO_PROBLEM", "recordDocumentId", "doc-b"));

		verify(furtherHandling, times(1)).openCase(anyLong());
		assertThat(runtimeService().getVariable(instance.getId(), "inspectionResult")).isNull();
	}

	@Test
	void furtherHandlingOpensAnAuditCaseForThatInspectionBeforeItsResultIsPublished() {
		ProcessInstance instance = approvedAndDrawn(List.of(31L));
		when(furtherHandling.openCase(31L)).thenReturn("370300-2026-000001");

		work("Task_InspectOnSite", INSPECTOR1, Map.of("inspectionResult", "FURTHER_HANDLING", "resultNote", "疑似串换药品",
				"recordDocumentId", "doc-x"));

		verify(inspections).record(31L, InspectionResult.FURTHER_HANDLING, "疑似串换药品", "doc-x", "inspector1");
		verify(furtherHandling).openCase(31L);
		assertThat(instance).hasPassed("Task_OpenAuditCase").isWaitingAt("Task_PublishResult");
	}

	@Test
	void anUnpublishedResultEscalatesToTheDirectorWhenItsPublicationPeriodRunsOut() {
		ProcessInstance instance = approvedAndDrawn(List.of(41L));
		work("Task_InspectOnSite", INSPECTOR1, Map.of("inspectionResult", "NO_PROBLEM", "recordDocumentId", "doc-y"));

		Job timer = managementService().createJobQuery().timers().singleResult();
		assertThat(timer.getDuedate()).isEqualTo(publicationDue);
		verify(inspections, times(2)).publicationDue(41L);
		execute(timer);

		assertThat(instance).hasPassed("Event_PublicationOverdue", "Task_RecordOverduePublication")
			.isWaitingAt("Task_PublishOverdueResult");
		verify(inspections).markOverdue(41L);
		assertThat(open("Task_PublishOverdueResult").getFirst().candidateGroups()).containsExactly("director");
		assertThat(open("Task_PublishResult")).isEmpty();

		work("Task_PublishOverdueResult", DIRECTOR, Map.of());
		verify(inspections).publish(41L, "director1");
		assertThat(instance).hasPassed("Event_OverdueResultPublished").isEnded();
	}

	@Test
	void aTaskCannotBeCompletedWhenTheModuleRefusesTheStepAndTheUserReadsWhy() {
		approvedAndDrawn(List.of(51L));
		doThrow(Refused.because("inspections.inspection.record-missing")).when(inspections)
			.record(eq(51L), any(), any(), any(), any());

		assertThatThrownBy(() -> work("Task_InspectOnSite", INSPECTOR1,
				Map.of("inspectionResult", "NO_PROBLEM", "recordDocumentId", "no-such-document")))
			.isExactlyInstanceOf(Refused.class)
			.hasMessage("请先上传现场检查记录（执法文书）");
		assertThatThrownBy(() -> work("Task_InspectOnSite", INSPECTOR1, Map.of("recordDocumentId", "doc")))
			.isInstanceOf(Refused.class)
			.hasMessage("请填写“检查结果”");
		assertThat(open("Task_InspectOnSite")).hasSize(1);
	}

	@Test
	void aDecisionTakenInCamundaTasklistGoesThroughTheSameListenerWithWhoTookIt() {
		ProcessInstance instance = start();
		work("Task_DraftPlan", INSPECTOR1, Map.of());

		identityService().setAuthentication("director2", List.of("director"));
		taskService().complete(open("Task_ApprovePlan").getFirst().id(),
				Map.of("planDecision", "RETURN", "decisionOpinion", "请补充风险加权"));
		identityService().clearAuthentication();

		verify(plans).decide(PLAN, PlanDecision.RETURN, "请补充风险加权", "director2");
		assertThat(instance).isWaitingAt("Task_DraftPlan");
	}

	@Test
	void aPlansTasksAreWorkedOnThePlanPageAndAnInspectionsOnItsOwnPage() {
		approvedAndDrawn(List.of(61L, 62L));
		InspectionTaskPages pages = new InspectionTaskPages(gateway, plans);
		Plan plan = mock(Plan.class);
		when(plan.draft()).thenReturn(new PlanDraft("2026年第一批双随机抽查", 2026, List.of("3703"), List.of(), List.of(), 2,
				null, null, false, 2, java.time.LocalDate.of(2026, 12, 31)));
		when(plans.get(PLAN)).thenReturn(plan);

		assertThat(open("Task_InspectOnSite")).extracting(t -> pages.pageOf(t).orElseThrow())
			.containsExactlyInAnyOrder("/inspections/inspections/61", "/inspections/inspections/62");
		assertThat(open("Task_InspectOnSite")).extracting(t -> pages.subjectOf(t).orElseThrow())
			.containsOnly("2026年第一批双随机抽查");
		ProcessInstance other = runtimeService().startProcessInstanceByKey(InspectionVariables.KEY,
				InspectionProcess.subject(8), Map.of("planId", 8L, "planName", "另一计划"));
		assertThat(pages.pageOf(gateway.openOf(InspectionProcess.subject(8)).getFirst())).contains("/inspections/plans/8");
		runtimeService().deleteProcessInstance(other.getId(), "test over");
	}

	/** Drafted, approved, committed (the async step) and drawn: waiting at one on-site inspection per institution. */
	private ProcessInstance approvedAndDrawn(List<Long> ids) {
		when(draws.publish(PLAN)).thenReturn(ids);
		ProcessInstance instance = start();
		work("Task_DraftPlan", INSPECTOR1, Map.of());
		work("Task_ApprovePlan", DIRECTOR, Map.of("planDecision", "APPROVE", "decisionOpinion", "同意"));
		assertThat(instance).isWaitingAt("Task_CommitDraw");
		execute(job(instance));
		return instance;
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(InspectionVariables.KEY, InspectionProcess.subject(PLAN),
				Map.of(InspectionVariables.PLAN_ID, PLAN, InspectionVariables.PLAN_NAME, "2026年度定点医药机构双随机检查"));
	}

	/** The plan's open tasks of that key, as the pages list them. */
	private List<WorkItem> open(String key) {
		return gateway.openOf(InspectionProcess.subject(PLAN), InspectionVariables.KEY).stream()
			.filter(t -> t.key().equals(key))
			.toList();
	}

	/** Completes the first open task of that key as the pages do: through the gateway, with the form's fields. */
	private void work(String key, CurrentUser user, Map<String, String> form) {
		List<WorkItem> tasks = open(key);
		if (tasks.isEmpty()) {
			throw new AssertionError("no open " + key);
		}
		gateway.complete(tasks.getFirst().id(), user, form);
	}
}
