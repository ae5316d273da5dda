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
	// Never the reporter's identity: a real-name reporter is only the flag REPORT_REAL_NAME.

	/** The report's database id (Long). */
	public static final String REPORT_ID = "reportId";

	/** The report's number (JB370300-2026-000123), also the business key (String). */
	public static final String REPORT_NUMBER = "reportNumber";

	/** When the report reached the bureau: deadlines count from it (Date). */
	public static final String REPORT_RECEIVED_AT = "receivedAt";

	/** Whether the reporter gave a real name, so must hear whether a case was filed (Boolean). */
	public static final String REPORT_REAL_NAME = "realName";

	/** End of the acceptance decision's period (Date). */
	public static final String REPORT_ACCEPTANCE_DUE = "acceptanceDue";

	/** The handler's acceptance decision: ACCEPT, DECLINE or MERGE (String). */
	public static final String REPORT_ACCEPTANCE = "acceptance";

	/** Why a report is not accepted; shown to the reporter (String). */
	public static final String REPORT_DECLINE_REASON = "declineReason";

	/** The number of the open case a report is merged into (String). */
	public static final String REPORT_MERGE_CASE_NUMBER = "mergeCaseNumber";

	/** The handler's summary for the new case file, without the reporter (String, optional). */
	public static final String REPORT_CASE_SUMMARY = "caseSummary";

	/** What a real-name reporter is told about the filing (String, optional: a standard text otherwise). */
	public static final String REPORT_CASE_NOTICE = "caseNotice";

	/** The investigation verified the report (Boolean). */
	public static final String REPORT_VERIFIED = "reportVerified";

	/** The reported facts were not known to the bureau before (Boolean). */
	public static final String REPORT_FACTS_NEW = "factsNewToBureau";

	/** The handler's conclusion, shown to the reporter (String). */
	public static final String REPORT_CONCLUSION = "conclusion";

	/** The report earns a reward under the rules (Boolean). */
	public static final String REPORT_REWARD_ELIGIBLE = "rewardEligible";

	/** The reward amount put to the director, yuan (String, local to the approval task). */
	public static final String REPORT_REWARD_AMOUNT = "rewardAmount";

	/** The director approved the reward (Boolean). */
	public static final String REPORT_REWARD_APPROVED = "rewardApproved";

	/** The director's opinion on the reward (String). */
	public static final String REPORT_REWARD_OPINION = "rewardOpinion";

	/** End of the claim window, after which the reward lapses (Date). */
	public static final String REPORT_CLAIM_DUE = "claimDue";

	private ProcessVariables() {
	}
}
