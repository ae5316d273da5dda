package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.support.TestEngines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.process.ModelVersions;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.support.ProcessTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plans whose process started on the model as it was before the module's glue changed (copied to
 * {@code src/test/resources/legacy/}) finish on the new model: one was submitted and waits for the director, the
 * other was approved, drawn and published by the old glue, one of its inspections recorded (its publication task and
 * overdue timer running) and one still to be inspected. After the move to the new version everything left runs the new
 * glue through the task gateway.
 */
class RandomInspectionMigrationTest {

	private static final String[] FORMS = { "forms/random-inspection-draft-plan.form",
			"forms/random-inspection-approve-plan.form", "forms/random-inspection-stopped-draw.form",
			"forms/random-inspection-on-site.form", "forms/random-inspection-publish-result.form",
			"forms/random-inspection-publish-overdue.form" };

	private static ProcessEngine engine;

	private final InspectionPlans plans = mock(InspectionPlans.class);
	private final PlanDraws draws = mock(PlanDraws.class);
	private final Inspections inspections = mock(Inspections.class);
	private final FurtherHandling furtherHandling = mock(FurtherHandling.class);

	@BeforeAll
	static void engine() {
		engine = TestEngines.inMemory("inspection-migration-test");
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@AfterEach
	void reset() {
		Mocks.reset();
	}

	@Test
	void plansStartedOnTodaysModelFinishOnTheNewVersionWithTheNewGlue() {
		deploy("legacy/random-inspection.bpmn");
		TodaysGlue today = new TodaysGlue();
		Deadlines deadlines = new Deadlines(new WorkingCalendar(), Clock.systemUTC());
		Mocks.register("inspectionSteps", today);
		Mocks.register("deadlines", deadlines);
		ProcessInstance submitted = start(8L);
		complete(submitted, "Task_DraftPlan", "inspector1", Map.of());
		ProcessInstance published = start(7L);
		complete(published, "Task_DraftPlan", "inspector1", Map.of());
		complete(published, "Task_ApprovePlan", "director1", Map.of("planDecision", "APPROVE", "decisionOpinion", "同意"));
		engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
			.processInstanceId(published.getId()).singleResult().getId());
		Task first = engine.getTaskService().createTaskQuery().processInstanceId(published.getId())
			.taskDefinitionKey("Task_InspectOnSite").list().stream()
			.filter(t -> Long.valueOf(11L).equals(engine.getTaskService().getVariable(t.getId(), "inspectionId")))
			.findFirst().orElseThrow();
		complete(first, "inspector1", Map.of("inspectionResult", "NO_PROBLEM", "resultNote", "", "recordDocumentId", "doc-11"));
		assertThat(today.calls).containsExactly("planSubmitted 8", "planSubmitted 7", "planDecided 7 APPROVE 同意 director1",
				"commit 7", "draw 7", "publish 7", "inspectionRecorded 11 NO_PROBLEM doc-11 inspector1");
		Job overdueTimer = engine.getManagementService().createJobQuery().processInstanceId(published.getId()).timers()
			.singleResult();
		Date legacyDue = overdueTimer.getDuedate();

		deploy("bpmn/random-inspection.bpmn");
		Mocks.reset();
		TaskGateway gateway = ProcessTests.gatewayOf(engine);
		Mocks.register("inspectionSteps", new InspectionSteps(gateway, plans, draws, inspections, furtherHandling));
		when(inspections.publicationDue(anyLong())).thenReturn(legacyDue);
		ModelVersions.Moved moved = new ModelVersions(engine.getRepositoryService(), engine.getRuntimeService())
			.moveToLatest(InspectionVariables.KEY);

		assertThat(moved.latestVersion()).isEqualTo(2);
		assertThat(moved.moved()).isEqualTo(2);
		assertThat(moved.leftOnTheirVersion()).isEmpty();
		assertThat(TestEngines.versionOf(engine, submitted)).isEqualTo(2);
		assertThat(TestEngines.versionOf(engine, published)).isEqualTo(2);
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(published.getId()).timers()
			.singleResult().getDuedate()).as("the overdue timer keeps its time").isEqualTo(legacyDue);

		// the plan submitted before the change: the director's decision runs the new listener
		gateway.complete(task(gateway, 8L, "Task_ApprovePlan").id(), RandomInspectionProcessTest.DIRECTOR,
				Map.of("planDecision", "RETURN", "decisionOpinion", "范围过窄"));
		verify(plans).decide(8L, PlanDecision.RETURN, "范围过窄", "director1");
		assertThat(TestEngines.openTaskKeys(engine, submitted)).containsExactly("Task_DraftPlan");

		// the plan drawn before the change: the second inspection and both publications
		WorkItem second = InspectionExport.inspectionTask(gateway, 7L, 12L);
		assertThat(gateway.form(second.id()).id()).isEqualTo("random-inspection-on-site");
		gateway.complete(second.id(), RandomInspectionProcessTest.INSPECTOR1, Map.of("inspectionResult", "CORRECTED_ON_SITE",
				"resultNote", "当场整改", "recordDocumentId", "doc-12"));
		verify(inspections).record(12L, InspectionResult.CORRECTED_ON_SITE, "当场整改", "doc-12", "inspector1");
		for (long inspection : List.of(11L, 12L)) {
			WorkItem publication = InspectionExport.inspectionTask(gateway, 7L, inspection);
			assertThat(publication.key()).isEqualTo("Task_PublishResult");
			gateway.complete(publication.id(), RandomInspectionProcessTest.INSPECTOR2, Map.of());
			verify(inspections).publish(inspection, "inspector2");
		}
		verify(plans).close(7L);
		assertThat(TestEngines.ended(engine, published)).isTrue();
		assertThat(today.calls).as("nothing ran the old glue after the move").hasSize(7);
	}

	private void deploy(String model) {
		var deployment = engine.getRepositoryService().createDeployment().addClasspathResource(model);
		for (String form : FORMS) {
			deployment.addClasspathResource(form);
		}
		deployment.deploy();
	}

	/** Started as today's InspectionProcess started a plan. */
	private ProcessInstance start(long planId) {
		return engine.getRuntimeService().startProcessInstanceByKey(InspectionVariables.KEY, InspectionProcess.subject(planId),
				Map.of("planId", planId, "planName", "计划 " + planId, "resultPublicationDays", 20));
	}

	/** Completes a task as today's InspectionProcess did: claimed, then the engine's completion as the user. */
	private void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
		complete(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
			.singleResult(), user, variables);
	}

	private void complete(Task task, String user, Map<String, Object> variables) {
		engine.getIdentityService().setAuthenticatedUserId(user);
		try {
			engine.getTaskService().setAssignee(task.getId(), user);
			engine.getTaskService().complete(task.getId(), variables);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	private static WorkItem task(TaskGateway gateway, long planId, String key) {
		return gateway.openOf(InspectionProcess.subject(planId), InspectionVariables.KEY).stream()
			.filter(t -> t.key().equals(key)).findFirst()
			.orElseThrow(() -> new AssertionError("plan " + planId + " has no open " + key));
	}




	/** The bean today's model calls, with today's signatures: what ran before the change. */
	public static class TodaysGlue {

		final List<String> calls = new ArrayList<>();

		public void planSubmitted(Long planId) {
			calls.add("planSubmitted " + planId);
		}

		public void planDecided(Long planId, String decision, String opinion, String director) {
			calls.add("planDecided " + planId + " " + decision + " " + opinion + " " + director);
		}

		public void drawStopDecided(Long planId, String decision) {
			calls.add("drawStopDecided " + planId);
		}

		public void commit(Long planId) {
			calls.add("commit " + planId);
		}

		public void draw(Long planId) {
			calls.add("draw " + planId);
		}

		public List<Long> publish(Long planId) {
			calls.add("publish " + planId);
			return List.of(11L, 12L);
		}

		public Date deadlineOf(Long planId) {
			return new Date(System.currentTimeMillis() + 30L * 24 * 3600 * 1000);
		}

		public void inspectionRecorded(Long inspectionId, String result, String note, String recordDocumentId,
				String inspector) {
			calls.add("inspectionRecorded " + inspectionId + " " + result + " " + recordDocumentId + " " + inspector);
		}

		public String openCase(Long inspectionId) {
			calls.add("openCase " + inspectionId);
			return "370300-2026-000001";
		}

		public void resultPublished(Long inspectionId, String publishedBy) {
			calls.add("resultPublished " + inspectionId);
		}

		public void publicationOverdue(Long inspectionId) {
			calls.add("publicationOverdue " + inspectionId);
		}

		public void close(Long planId) {
			calls.add("close " + planId);
		}
	}
}
