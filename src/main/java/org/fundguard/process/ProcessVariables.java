package org.fundguard.process;

/**
 * Names of process variables. Variables hold ids, never entities: the modules own the data, the process
 * only carries references to it. The BPMN guard test accepts an expression identifier only when it is a
 * bean or one of these names. Each process keeps its own section, so parallel work does not collide.
 */
public final class ProcessVariables {

	// ---- shared by every enforcement process ----

	/** The audit case's database id (Long). */
	public static final String CASE_ID = "caseId";

	/** The audit case's number, for task names and Tasklist searches (String). */
	public static final String CASE_NUMBER = "caseNumber";

	// ---- audit-case.bpmn ----

	// ---- random-inspection.bpmn ----

	// ---- report-handling.bpmn ----

	// ---- penalty-decision.bpmn and legal-review.bpmn ----

	private ProcessVariables() {
	}
}
