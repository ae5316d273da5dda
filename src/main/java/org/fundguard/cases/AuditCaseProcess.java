package org.fundguard.cases;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.process.ProcessKeys;
import org.fundguard.process.ProcessVariables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts bpmn/audit-case.bpmn for every opened case, inside the opening transaction (a synchronous listener), so that
 * a case never exists without its process. The business key is the case number, for Tasklist and Cockpit searches.
 */
@Component
class AuditCaseProcess {

	private final RuntimeService runtime;
	private final AuditCases cases;
	private final CasesProperties properties;

	AuditCaseProcess(RuntimeService runtime, AuditCases cases, CasesProperties properties) {
		this.runtime = runtime;
		this.cases = cases;
		this.properties = properties;
	}

	@EventListener
	void opened(AuditCaseOpened event) {
		AuditCase c = cases.find(event.caseId()).orElseThrow();
		Map<String, Object> variables = new HashMap<>();
		variables.put(ProcessVariables.CASE_ID, c.id());
		variables.put(ProcessVariables.CASE_NUMBER, c.number());
		variables.put(ProcessVariables.RECEIVED_AT, Date.from(c.receivedAt().toInstant()));
		variables.put(ProcessVariables.REMINDER_WORKING_DAYS, properties.reminderWorkingDays());
		runtime.startProcessInstanceByKey(ProcessKeys.AUDIT_CASE, c.number(), variables);
	}
}
