package org.fundguard.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.w3c.dom.Element;

/**
 * Ids read as sentences behind a prefix that says what the element is, as Camunda Modeler names them: {@code Task_}
 * for every kind of task, {@code Event_} for every event, {@code Gateway_}, {@code Flow_}, {@code SubProcess_},
 * {@code CallActivity_}, {@code Message_}... An event definition has its own prefix ({@code TimerEventDefinition_})
 * or no id at all. After the prefix come CamelCase words ({@code Task_DecideAcceptance}), not a generated
 * {@code Activity_0x1abc}. A diagram shape or edge is called after its element: {@code <id>_di}.
 */
final class BpmnGuardIds {

	private static final Pattern SENTENCE = Pattern.compile("[A-Z][a-z]+(?:[A-Z][a-z]*|[0-9]+)*");

	/** Element type (local name in the BPMN namespace) to the prefix its id must have. */
	private static final Map<String, String> PREFIXES = new HashMap<>();

	static {
		prefix("Task_", "task", "userTask", "serviceTask", "sendTask", "receiveTask", "scriptTask", "businessRuleTask",
				"manualTask");
		prefix("Event_", "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent");
		prefix("Gateway_", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
				"complexGateway");
		prefix("SubProcess_", "subProcess", "transaction", "adHocSubProcess");
		prefix("CallActivity_", "callActivity");
		prefix("Flow_", "sequenceFlow", "messageFlow");
		prefix("Message_", "message");
		prefix("Error_", "error");
		prefix("Signal_", "signal");
		prefix("Escalation_", "escalation");
		prefix("Participant_", "participant");
		prefix("Lane_", "lane");
		prefix("TextAnnotation_", "textAnnotation");
		prefix("Association_", "association");
		prefix("DataObjectReference_", "dataObjectReference");
		prefix("DataStoreReference_", "dataStoreReference");
	}

	List<String> check(List<BpmnModel> models) {
		List<String> problems = new ArrayList<>();
		for (BpmnModel model : models) {
			for (Element element : model.elements()) {
				check(model, element, problems);
			}
		}
		return problems;
	}

	private static void check(BpmnModel model, Element element, List<String> problems) {
		String id = element.getAttribute("id");
		String type = element.getLocalName();
		if (BpmnModel.BPMNDI.equals(element.getNamespaceURI())
				&& ("BPMNShape".equals(type) || "BPMNEdge".equals(type))) {
			String expected = element.getAttribute("bpmnElement") + "_di";
			if (!id.equals(expected)) {
				problems.add(model.name() + ": " + type + " " + id + ": id should be " + expected);
			}
			return;
		}
		if (!BpmnModel.BPMN.equals(element.getNamespaceURI()) || id.isEmpty()) {
			return;
		}
		String prefix = type.endsWith("EventDefinition") ? Character.toUpperCase(type.charAt(0)) + type.substring(1)
				+ "_" : PREFIXES.get(type);
		if (prefix == null) {
			return;
		}
		if (!id.startsWith(prefix)) {
			problems.add(model.name() + ": " + type + " " + id + ": id should start with " + prefix);
		}
		else if (!SENTENCE.matcher(id.substring(prefix.length())).matches()) {
			problems.add(model.name() + ": " + type + " " + id + ": after " + prefix
					+ " the id should be CamelCase words that read as a sentence");
		}
	}

	private static void prefix(String prefix, String... types) {
		for (String type : types) {
			PREFIXES.put(type, prefix);
		}
	}
}
