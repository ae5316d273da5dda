package org.fundguard.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The process-test set-up every BPMN path test builds on: camunda-bpm-assert against an in-memory engine.
 * It runs the one-task model the browser test also uses, so that a broken set-up shows here first.
 */
class InMemoryEngineTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-process-tests.cfg.xml")
		.build();

	@Test
	@Deployment(resources = "it/candidate-group-task.bpmn")
	void aTaskForTheInspectorGroupWaitsForAnInspectorAndThenTheProcessEnds() {
		ProcessInstance instance = runtimeService().startProcessInstanceByKey("Process_BrowserTestInspectorTask");

		assertThat(instance).isWaitingAt("Task_CheckInspectionRecord");
		assertThat(task()).hasCandidateGroup("inspector").isNotAssigned();

		complete(task());

		assertThat(instance).hasPassedInOrder("Task_CheckInspectionRecord", "Event_Done").isEnded();
	}
}
