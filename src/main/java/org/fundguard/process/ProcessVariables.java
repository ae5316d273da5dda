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

	/** When the lead or report reached the bureau: the filing deadline counts from it (Date). */
	public static final String RECEIVED_AT = "receivedAt";

	/** End of the filing decision's 15 working days (Date). */
	public static final String FILING_DUE = "filingDue";

	/** How many working days before a deadline its reminder fires (Integer, fundguard.cases). */
	public static final String REMINDER_WORKING_DAYS = "reminderWorkingDays";

	/** The director's filing decision: {@code accept}, {@code merge} or {@code dismiss} (String). */
	public static final String FILING_DECISION = "filingDecision";

	/** Number of the open case of the same subject to merge into (String). */
	public static final String MERGE_INTO = "mergeInto";

	/** Why the case is not filed (String). */
	public static final String DISMISS_REASON = "dismissReason";

	/** Usernames of the assigned inspectors, comma-separated, lead inspector first: candidate users (String). */
	public static final String CASE_INSPECTORS = "caseInspectors";

	/** Whether the investigation includes an on-site check (Boolean). */
	public static final String ON_SITE_CHECK = "onSiteCheck";

	/** End of the investigation (Date). */
	public static final String INVESTIGATION_DUE = "investigationDue";

	/** Desk review's summary (String). */
	public static final String DESK_REVIEW_SUMMARY = "deskReviewSummary";

	/** On-site check: who took part (usernames, comma-separated), when, and what was found (String). */
	public static final String ON_SITE_INSPECTORS = "onSiteInspectors";
	public static final String ON_SITE_DATE = "onSiteDate";
	public static final String ON_SITE_SUMMARY = "onSiteSummary";

	/** Findings: violation or not, loss to recover, articles of Decree 735 (comma-separated), intent, summary. */
	public static final String VIOLATION_FOUND = "violationFound";
	public static final String AMOUNT_TO_RECOVER = "amountToRecover";
	public static final String ARTICLES = "articles";
	public static final String INTENT = "intent";
	public static final String FINDINGS_SUMMARY = "findingsSummary";

	/** Ids of stored documents handed in with a task (comma-separated String). */
	public static final String DOCUMENT_IDS = "documentIds";

	/** The director's outcome: {@code close}, {@code penalty}, {@code suspend}, {@code police}, {@code discipline}. */
	public static final String OUTCOME = "outcome";
	public static final String OUTCOME_REASON = "outcomeReason";
	public static final String OUTCOME_DECIDED_BY = "outcomeDecidedBy";
	public static final String SUSPEND_FROM = "suspendFrom";
	public static final String SUSPEND_UNTIL = "suspendUntil";

	/** Transfer record: the police station or discipline body that received the case, and the day (String). */
	public static final String RECEIVING_BODY = "receivingBody";
	public static final String TRANSFER_DATE = "transferDate";

	// ---- random-inspection.bpmn ----

	// ---- report-handling.bpmn ----

	// ---- penalty-decision.bpmn and legal-review.bpmn ----

	private ProcessVariables() {
	}
}
