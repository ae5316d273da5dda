package org.fundguard.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every model's diagram is readable as Camunda Modeler draws it: every node and flow drawn, nothing on top of anything
 * else, edges from border to border. The browser test {@code BpmnRenderingBrowserIT} shows the same diagrams drawn by
 * bpmn-js.
 */
class BpmnLayoutTest {

	static final Path FIXTURES = Path.of("src/test/resources/guard/layout");

	@Test
	void everyModelsDiagramIsReadable() throws Exception {
		List<String> problems = new BpmnLayout().check(BpmnModel.readAll(Path.of("bpmn")));

		assertThat(problems).isEmpty();
	}

	@Test
	void eachKindOfUnreadableLayoutIsReported() {
		assertThat(new BpmnLayout().check(List.of(BpmnModel.read(FIXTURES.resolve("broken.bpmn")))))
			.containsExactlyInAnyOrder("broken.bpmn: shape Task_Ghost_di draws no element of the model",
					"broken.bpmn: userTask Task_NotDrawn: has no shape in the diagram",
					"broken.bpmn: sequenceFlow Flow_NotDrawn: has no edge in the diagram",
					"broken.bpmn: shapes Task_A and Task_B overlap",
					"broken.bpmn: boundaryEvent Event_Timer: does not sit on the border of Task_C",
					"broken.bpmn: userTask Task_Outside: lies outside its sub-process SubProcess_Inner",
					"broken.bpmn: the label of Gateway_Split lies on the shape Task_UnderLabel",
					"broken.bpmn: the labels of Event_End and Flow_SplitToEnd overlap",
					"broken.bpmn: sequenceFlow Flow_AToSplit: the edge does not start on the border of Task_A",
					"broken.bpmn: sequenceFlow Flow_SplitToEnd: the edge does not end on the border of Event_End",
					"broken.bpmn: sequenceFlow Flow_Through: the edge runs through Task_Obstacle",
					"broken.bpmn: userTask Task_PokingOut: lies outside its sub-process SubProcess_Inner",
					"broken.bpmn: sequenceFlow Flow_Down: the edge runs through the label of Gateway_Split");
	}

	@Test
	void aDiagramDrawnAsTheModelerDrawsItPasses() {
		assertThat(new BpmnLayout().check(List.of(BpmnModel.read(FIXTURES.resolve("clean.bpmn"))))).isEmpty();
	}

	@Test
	void labelsWrapAsBpmnJsWrapsThem() {
		assertThat(BpmnLabels.lines("结果已公示")).containsExactly("结果已公示");
		assertThat(BpmnLabels.lines("告知实名举报人是否立案")).containsExactly("告知实名举报人", "是否立案");
		assertThat(BpmnLabels.lines("7 个工作日公示期限届满")).allSatisfy(l -> assertThat(BpmnLabels.width(l))
			.isLessThan(BpmnLabels.WIDTH));
	}
}
