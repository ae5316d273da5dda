package org.fundguard.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The convention checks of the BPMN guard (ids, forms on user tasks, glue expressions, the modules that own processes)
 * shown to report each kind of breach on a deliberately broken model and nothing on one that follows them all.
 */
class BpmnGuardConventionsTest {

	static final Path FIXTURES = Path.of("src/test/resources/guard/conventions");

	@Test
	void idsWithoutTheirTypesPrefixOrNotReadingAsASentenceAreReported() {
		assertThat(new BpmnGuardIds().check(List.of(model("broken.bpmn")))).containsExactlyInAnyOrder(
				"broken.bpmn: message Msg_Wrong: id should start with Message_",
				"broken.bpmn: error Error_drawStopped: after Error_ the id should be CamelCase words that read as a sentence",
				"broken.bpmn: startEvent StartEvent_1: id should start with Event_",
				"broken.bpmn: userTask Activity_0x1abc: id should start with Task_",
				"broken.bpmn: timerEventDefinition Timer_DecisionDue: id should start with TimerEventDefinition_",
				"broken.bpmn: subProcess Sub_Investigation: id should start with SubProcess_",
				"broken.bpmn: exclusiveGateway Gateway_decided: after Gateway_ the id should be CamelCase words that read as a sentence",
				"broken.bpmn: sequenceFlow SequenceFlow_1: id should start with Flow_",
				"broken.bpmn: BPMNShape Shape_NoForm: id should be Task_NoForm_di");
	}

	@Test
	void userTasksWithoutAFormBoundToTheDeploymentAreReported() {
		assertThat(new BpmnGuardForms().check(List.of(model("broken.bpmn")))).containsExactlyInAnyOrder(
				"broken.bpmn: userTask Task_NoForm: has no form (camunda:formRef or camunda:formKey)",
				"broken.bpmn: userTask Task_LatestForm: form binding is latest, should be camunda:formRefBinding=\"deployment\"",
				"broken.bpmn: userTask Task_UnboundForm: form binding is missing, should be camunda:formRefBinding=\"deployment\"",
				"broken.bpmn: userTask Task_AppForm: form key camunda-forms:app:forms/existing.form is not bound to the deployment (camunda-forms:deployment:)");
	}

	@Test
	void glueThatPassesObjectsOrBusinessValuesOrCallsAnotherModuleIsReported() {
		assertThat(glue().check(List.of(model("broken.bpmn")))).containsExactlyInAnyOrder(
				"broken.bpmn: taskListener Task_Decide: expression ${alphaSteps.decided(task)} passes the task object: pass ids (task.id in a task listener)",
				"broken.bpmn: taskListener Task_Decide: expression ${alphaSteps.decided(alphaId, task.getVariable('reason'))} reads a variable with getVariable(...): pass ids, the module reads the rest",
				"broken.bpmn: taskListener Task_Decide: expression ${alphaSteps.decided(alphaId, task.assignee)} reads task.assignee: only task.id (and execution.processBusinessKey in camunda:in businessKey) may be read",
				"broken.bpmn: taskListener Task_Decide: expression ${alphaSteps.decided(alphaId, authenticatedUserId)} passes authenticatedUserId: the module learns the actor from the task (task.id)",
				"broken.bpmn: serviceTask Task_PassExecution: expression ${alphaSteps.run(execution)} passes the execution object: pass ids (task.id in a task listener)",
				"broken.bpmn: serviceTask Task_ReadBusinessKey: expression ${alphaSteps.run(execution.processBusinessKey)} reads execution.processBusinessKey: only task.id (and execution.processBusinessKey in camunda:in businessKey) may be read",
				"broken.bpmn: serviceTask Task_AskOtherModule: expression ${betaSteps.run(alphaId)} names bean betaSteps of module beta, not of module alpha that owns process broken-process",
				"broken.bpmn: serviceTask Task_RunKernelClass: class org.fundguard.calendar.Deadlines is of module calendar, not of module alpha that owns process broken-process",
				"broken.bpmn: timeDate Timer_DecisionDue: expression ${deadlines.due(alphaId)} names bean deadlines of module calendar, not of module alpha that owns process broken-process",
				"broken.bpmn: conditionExpression Flow_ByVariable: expression ${execution.getVariable('decision') == 'ACCEPT'} reads a variable with getVariable(...): pass ids, the module reads the rest",
				"broken.bpmn: process stray-process is declared by no @VariablesOf class",
				"broken.bpmn: serviceTask Task_Stray: expression ${betaSteps.run(alphaId)} names bean betaSteps of module beta, not of module gamma that owns process stray-process");
	}

	@Test
	void aModelThatFollowsTheConventionsPasses() {
		List<BpmnModel> clean = List.of(model("clean.bpmn"));
		List<String> problems = new ArrayList<>();
		problems.addAll(new BpmnGuardIds().check(clean));
		problems.addAll(new BpmnGuardForms().check(clean));
		problems.addAll(glue().check(clean));

		assertThat(problems).isEmpty();
	}

	@Test
	void theModulesDeclareTheirProcessesAndVariablesWithVariablesOf() {
		DeclaredProcesses declared = DeclaredProcesses.scan("org.fundguard.process.fixtures.declared");

		assertThat(declared.moduleOfProcess()).containsEntry("alpha-process", "alpha").containsKey("shared-process");
		assertThat(declared.variables()).contains("alphaId", "betaId");
		assertThat(declared.problems()).containsExactlyInAnyOrder(
				"org.fundguard.process.fixtures.declared.beta.internal.BetaVariables: @VariablesOf belongs in the module's root package",
				"process shared-process is declared by more than one @VariablesOf class");
	}

	@Test
	void theRealScanLeavesTheFixturesOut() {
		assertThat(DeclaredProcesses.scan("org.fundguard").moduleOfProcess()).doesNotContainKeys("alpha-process",
				"shared-process");
	}

	private static BpmnGuardGlue glue() {
		return new BpmnGuardGlue(Map.of("broken-process", "alpha", "alpha-process", "alpha"),
				Map.of("stray-process", "gamma"),
				Map.of("alphaSteps", "alpha", "betaSteps", "beta", "deadlines", "calendar")::get,
				Set.of("alphaId", "alphaNumber", "alphaDue", "decision"));
	}

	private static BpmnModel model(String name) {
		return BpmnModel.read(FIXTURES.resolve(name));
	}
}
