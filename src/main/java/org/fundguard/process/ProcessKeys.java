package org.fundguard.process;

/**
 * The keys of FundGuard's BPMN processes: the one place Java code names a process, so a renamed process
 * fails the guard test instead of a running instance.
 */
public final class ProcessKeys {

	/** bpmn/audit-case.bpmn: triage, assignment, investigation, findings, outcome. */
	public static final String AUDIT_CASE = "audit-case";

	/** bpmn/penalty-decision.bpmn: 行政处罚 from filing to enforcement. */
	public static final String PENALTY_DECISION = "penalty-decision";

	/** bpmn/legal-review.bpmn: 法制审核, called from the penalty decision. */
	public static final String LEGAL_REVIEW = "legal-review";

	/**
	 * Message the penalty procedure sends to the audit case that handed it over, when the penalty procedure ends;
	 * correlated by the {@code caseId} process variable.
	 */
	public static final String MESSAGE_PENALTY_PROCEDURE_CONCLUDED = "Message_PenaltyProcedureConcluded";

	private ProcessKeys() {
	}
}
