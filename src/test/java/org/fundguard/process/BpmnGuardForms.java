package org.fundguard.process;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;

/**
 * Every user task has a Camunda Form, so that it can be worked in Tasklist as in FundGuard's pages, and the form is
 * bound to the deployment: a running instance keeps the form its model version was deployed with instead of meeting
 * a later form whose fields its listeners do not expect. Whether the form exists is {@link BpmnGuard}'s concern.
 */
final class BpmnGuardForms {

	private static final List<String> DEPLOYMENT_KEYS = List.of("camunda-forms:deployment:", "embedded:deployment:");

	List<String> check(List<BpmnModel> models) {
		List<String> problems = new ArrayList<>();
		for (BpmnModel model : models) {
			for (Element task : model.elements(BpmnModel.BPMN, "userTask")) {
				check(model, task, problems);
			}
		}
		return problems;
	}

	private static void check(BpmnModel model, Element task, List<String> problems) {
		String formRef = task.getAttributeNS(BpmnModel.CAMUNDA, "formRef");
		String formKey = task.getAttributeNS(BpmnModel.CAMUNDA, "formKey");
		String where = model.where(task);
		if (formRef.isEmpty() && formKey.isEmpty()) {
			problems.add(where + ": has no form (camunda:formRef or camunda:formKey)");
		}
		else if (!formRef.isEmpty()) {
			String binding = task.getAttributeNS(BpmnModel.CAMUNDA, "formRefBinding");
			if (!"deployment".equals(binding)) {
				problems.add(where + ": form binding is " + (binding.isEmpty() ? "missing" : binding)
						+ ", should be camunda:formRefBinding=\"deployment\"");
			}
		}
		else if (DEPLOYMENT_KEYS.stream().noneMatch(formKey::startsWith)) {
			problems.add(where + ": form key " + formKey + " is not bound to the deployment (camunda-forms:deployment:)");
		}
	}
}
