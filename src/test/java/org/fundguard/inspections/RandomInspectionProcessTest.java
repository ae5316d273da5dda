package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.process.ProcessKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through bpmn/random-inspection.bpmn: approve and return, a stopped draw retried or returned, each of
 * the four results, further handling opening a case, and the publication timer escalating to the director. The
 * module behind {@code inspectionSteps} is a mock; its real behaviour is tested against the database in
 * {@code RandomInspectionIT}.
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

	private static final long PLAN = 7L;
	private static final Date PLAN_DEADLINE = new Date(System.currentTimeMillis() + 90L * 24 * 3600 * 1000);

	private final InspectionSteps steps = mock(InspectionSteps.class);
	private final Deadlines deadlines = new Deadlines(new WorkingCalendar(), Clock.systemUTC());

	@BeforeEach
	void registerBeans() {
		// this engine has its own name: the assertions must not pick up the other process tests' "default" engine
		org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(engine.getProcessEngine());
		Mocks.register("inspectionSteps", steps);
		Mocks.register("deadlines", deadlines);
		when(steps.deadlineOf(PLAN)).thenReturn(PLAN_DEADLINE);
	}

	/**
	 * The other process tests find "the" engine through ProcessEngines; leaving this one registered would give them
	 * two. The extension keeps its own reference, so the engine still serves this class.
	 */
	@org.junit.jupiter.api.AfterAll
	static void unregisterEngine() {
		org.camunda.bpm.engine.ProcessEngines.unregister(engine.getProcessEngine());
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		identityService().clearAuthentication();
		org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.reset();
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(ProcessKeys.RANDOM_INSPECTION, "plan-" + PLAN,
				Map.of("planId", PLAN, "planName", "2026年度定点医药机构双随机检查", "resultPublicationDays", 20));
	}

	private void completeAs(String user, Task task, Map<String, Object> variables) {
		identityService().setAuthenticatedUserId(user);
		try {
			taskService().complete(task.getId(), variables);
		}
		finally {
			identityService().clearAuthentication();
		}
	}

	private Task task(String definitionKey) {
		return taskQuery().taskDefinitionKey(definitionKey).list().getFirst();
	}

	/** Drafted, approved, committed (the async step) and drawn: waiting at one on-site inspection per institution. */
	private ProcessInstance approvedAndDrawn(List<Long> inspections) {
		when(steps.publish(PLAN)).thenReturn(inspections);
		ProcessInstance instance = start();
		completeAs("inspector1", task("Task_DraftPlan"), Map.of());
		completeAs("director1", task("Task_ApprovePlan"), Map.of("planDecision", "APPROVE", "decisionOpinion", "同意"));
		assertThat(instance).isWaitingAt("Task_CommitDraw");
		execute(job(instance));
		return instance;
	}

	@Test
	void anInspectorDraftsADirectorApprovesAndTheDrawIsCommittedBeforeItRuns() {
		ProcessInstance instance = approvedAndDrawn(List.of(11L, 12L));

		assertThat(instance).hasPassedInOrder("Task_DraftPlan", "Task_ApprovePlan", "Task_CommitDraw",
				"Task_DrawInstitutionsAndTeams", "Task_PublishPlan");
		verify(steps).planSubmitted(PLAN);
		verify(steps).planDecided(PLAN, "APPROVE", "同意", "director1");
		var order = org.mockito.Mockito.inOrder(steps);
		order.verify(steps).commit(PLAN);
		order.verify(steps).draw(PLAN);
		order.verify(steps).publish(PLAN);
		List<Task> onSite = taskQuery().taskDefinitionKey("Task_InspectOnSite").list();
		assertThat(onSite).hasSize(2);
		assertThat(onSite.getFirst()).hasCandidateGroup("inspector");
		assertThat(onSite.getFirst().getDueDate()).isEqualTo(PLAN_DEADLINE);
	}

	@Test
	void aReturnedPlanGoesBackToTheInspectorAndNothingIsDrawn() {
		ProcessInstance instance = start();
		completeAs("inspector1", task("Task_DraftPlan"), Map.of());
		assertThat(task("Task_ApprovePlan")).hasCandidateGroup("director");

		completeAs("director1", task("Task_ApprovePlan"), Map.of("planDecision", "RETURN", "decisionOpinion", "比例过低"));

		assertThat(instance).isWaitingAt("Task_DraftPlan");
		verify(steps).planDecided(PLAN, "RETURN", "比例过低", "director1");
		verify(steps, never()).commit(anyLong());
	}

	@Test
	void aStoppedDrawGoesToTheDirectorWithItsReasonAndIsRetriedWithANewCommitment() {
		when(steps.publish(PLAN)).thenReturn(List.of(11L));
		doThrow(new BpmnError(InspectionSteps.DRAW_STOPPED, "可选执法检查人员不足：检查对象 第一医院")).doNothing().when(steps).draw(PLAN);
		ProcessInstance instance = start();
		completeAs("inspector1", task("Task_DraftPlan"), Map.of());
		completeAs("director1", task("Task_ApprovePlan"), Map.of("planDecision", "APPROVE"));
		execute(job(instance));

		assertThat(instance).isWaitingAt("Task_DecideStoppedDraw").variables().containsEntry("drawProblem",
				"可选执法检查人员不足：检查对象 第一医院");
		assertThat(task("Task_DecideStoppedDraw")).hasCandidateGroup("director");

		completeAs("director1", task("Task_DecideStoppedDraw"), Map.of("drawStopDecision", "RETRY"));
		execute(job(instance));

		verify(steps, times(2)).commit(PLAN);
		verify(steps).drawStopDecided(PLAN, "RETRY");
		assertThat(instance).isWaitingAt("SubProcess_InspectInstitution");
	}

	@Test
	void aStoppedDrawCanSendThePlanBackToItsDrafter() {
		doThrow(new BpmnError(InspectionSteps.DRAW_STOPPED, "计划范围内没有可抽取的检查对象")).when(steps).draw(PLAN);
		ProcessInstance instance = start();
		completeAs("inspector1", task("Task_DraftPlan"), Map.of());
		completeAs("director1", task("Task_ApprovePlan"), Map.of("planDecision", "APPROVE"));
		execute(job(instance));

		completeAs("director1", task("Task_DecideStoppedDraw"), Map.of("drawStopDecision", "RETURN"));

		assertThat(instance).isWaitingAt("Task_DraftPlan");
		verify(steps, never()).publish(anyLong());
	}

	@Test
	void eachOfTheThreeResultsWithoutACaseIsPublishedAndThePlanCloses() {
		ProcessInstance instance = approvedAndDrawn(List.of(11L, 12L, 13L));
		List<Task> onSite = taskQuery().taskDefinitionKey("Task_InspectOnSite").list();
		String[] results = { "NO_PROBLEM", "CORRECTED_ON_SITE", "REFUSED_TO_COOPERATE" };
		for (int i = 0; i < 3; i++) {
			completeAs("inspector1", onSite.get(i), Map.of("inspectionResult", results[i], "resultNote", "说明" + i,
					"recordDocumentId", "doc-" + i));
		}
		verify(steps).inspectionRecorded(any(), eq("NO_PROBLEM"), eq("说明0"), eq("doc-0"), eq("inspector1"));
		verify(steps).inspectionRecorded(any(), eq("REFUSED_TO_COOPERATE"), eq("说明2"), eq("doc-2"), eq("inspector1"));
		verify(steps, never()).openCase(anyLong());

		List<Task> publications = taskQuery().taskDefinitionKey("Task_PublishResult").list();
		assertThat(publications).hasSize(3);
		assertThat(publications.getFirst().getDueDate()).isEqualTo(deadlines.workingDaysFromNow(20));
		for (Task t : publications) {
			completeAs("inspector2", t, Map.of());
		}

		verify(steps, times(3)).resultPublished(any(), eq("inspector2"));
		verify(steps).close(PLAN);
		assertThat(instance).hasPassed("Event_ResultPublished", "Task_ClosePlan").isEnded();
	}

	@Test
	void eachInspectionCarriesItsOwnResultSoParallelInspectionsDoNotMix() {
		ProcessInstance instance = approvedAndDrawn(List.of(21L, 22L));
		List<Task> onSite = taskQuery().taskDefinitionKey("Task_InspectOnSite").list();

		completeAs("inspector1", onSite.get(0), Map.of("inspectionResult", "FURTHER_HANDLING", "resultNote", "串换项目",
				"recordDocumentId", "doc-a"));
		completeAs("inspector1", onSite.get(1), Map.of("inspectionResult", "NO_PROBLEM", "resultNote", "", "recordDocumentId", "doc-b"));

		verify(steps, times(1)).openCase(anyLong());
		assertThat(runtimeService().getVariable(instance.getId(), "inspectionResult")).isNull();
	}

	@Test
	void furtherHandlingOpensAnAuditCaseForThatInspectionBeforeItsResultIsPublished() {
		ProcessInstance instance = approvedAndDrawn(List.of(31L));
		when(steps.openCase(31L)).thenReturn("370300-2026-000001");

		completeAs("inspector1", task("Task_InspectOnSite"), Map.of("inspectionResult", "FURTHER_HANDLING", "resultNote",
				"疑似串换药品", "recordDocumentId", "doc-x"));

		verify(steps).inspectionRecorded(31L, "FURTHER_HANDLING", "疑似串换药品", "doc-x", "inspector1");
		verify(steps).openCase(31L);
		assertThat(instance).hasPassed("Task_OpenAuditCase").isWaitingAt("Task_PublishResult");
	}

	@Test
	void anUnpublishedResultEscalatesToTheDirectorWhenItsTwentyWorkingDaysRunOut() {
		ProcessInstance instance = approvedAndDrawn(List.of(41L));
		completeAs("inspector1", task("Task_InspectOnSite"), Map.of("inspectionResult", "NO_PROBLEM", "resultNote", "",
				"recordDocumentId", "doc-y"));

		Job timer = managementService().createJobQuery().timers().singleResult();
		assertThat(timer.getDuedate()).isEqualTo(deadlines.workingDaysFromNow(20));
		LocalDate lastDay = deadlines.lastDayOf(timer.getDuedate());
		assertThat(new WorkingCalendar().workingDaysBetween(LocalDate.now(Deadlines.BUREAU_ZONE), lastDay)).isEqualTo(20);
		execute(timer);

		assertThat(instance).hasPassed("Event_PublicationOverdue", "Task_RecordOverduePublication")
			.isWaitingAt("Task_PublishOverdueResult");
		verify(steps).publicationOverdue(41L);
		assertThat(task("Task_PublishOverdueResult")).hasCandidateGroup("director");
		assertThat(taskQuery().taskDefinitionKey("Task_PublishResult").count()).isZero();

		completeAs("director1", task("Task_PublishOverdueResult"), Map.of());
		verify(steps).resultPublished(41L, "director1");
		assertThat(instance).hasPassed("Event_OverdueResultPublished").isEnded();
	}

	@Test
	void aTaskCannotBeCompletedWhenTheModuleRefusesTheStep() {
		approvedAndDrawn(List.of(51L));
		doThrow(new IllegalArgumentException("请先上传现场检查记录（执法文书）")).when(steps)
			.inspectionRecorded(eq(51L), any(), any(), any(), any());

		Task onSite = task("Task_InspectOnSite");
		assertThatThrownBy(() -> completeAs("inspector1", onSite, Map.of("inspectionResult", "NO_PROBLEM")))
			.hasStackTraceContaining("请先上传现场检查记录");
		assertThat(taskQuery().taskDefinitionKey("Task_InspectOnSite").count()).isEqualTo(1);
		doNothing().when(steps).inspectionRecorded(anyLong(), any(), any(), any(), any());
	}
}
