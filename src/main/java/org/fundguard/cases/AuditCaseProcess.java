package org.fundguard.cases;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts bpmn/audit-case.bpmn for every opened case, inside the opening transaction (a synchronous listener), so that
 * a case never exists without its process. The business key is the case number, for Tasklist and Cockpit searches;
 * the process carries the case's id and number only, and asks the module for the rest.
 */
@Component
class AuditCaseProcess {

	private final RuntimeService runtime;

	AuditCaseProcess(RuntimeService runtime) {
		this.runtime = runtime;
	}

	@EventListener
	void opened(AuditCaseOpened event) {
		runtime.startProcessInstanceByKey(AuditCaseVariables.PROCESS, event.caseNumber(),
				Map.of(AuditCaseVariables.CASE_ID, event.caseId(), AuditCaseVariables.CASE_NUMBER, event.caseNumber()));
	}
}
