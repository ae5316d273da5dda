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

	/** The inspection plan's database id (Long). */
	public static final String PLAN_ID = "planId";

	/** The plan's name, for task lists (String). */
	public static final String PLAN_NAME = "planName";

	/** The director's decision on a plan: APPROVE or RETURN (String). */
	public static final String PLAN_DECISION = "planDecision";

	/** The director's opinion on the plan (String). */
	public static final String DECISION_OPINION = "decisionOpinion";

	/** Why a draw stopped, in Chinese (String, set by the error boundary event). */
	public static final String DRAW_PROBLEM = "drawProblem";

	/** After a stopped draw: RETRY (new commitment) or RETURN (back to the drafter) (String). */
	public static final String DRAW_STOP_DECISION = "drawStopDecision";

	/** The ids of the plan's inspections, one per drawn institution (List of Long). */
	public static final String INSPECTION_IDS = "inspectionIds";

	/** One inspection's id inside the multi-instance sub-process (Long). */
	public static final String INSPECTION_ID = "inspectionId";

	/** The on-site result: an InspectionResult name (String, local to one inspection). */
	public static final String INSPECTION_RESULT = "inspectionResult";

	/** What the team found and did (String, local to one inspection). */
	public static final String RESULT_NOTE = "resultNote";

	/** The stored document id of the on-site record (String, local to one inspection). */
	public static final String RECORD_DOCUMENT_ID = "recordDocumentId";

	/** Results are published within this many working days (Integer, from fundguard.inspections). */
	public static final String RESULT_PUBLICATION_DAYS = "resultPublicationDays";

	// ---- report-handling.bpmn ----

	// ---- penalty-decision.bpmn and legal-review.bpmn ----

	private ProcessVariables() {
	}
}
