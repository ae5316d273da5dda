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

	// ---- penalty-decision.bpmn and legal-review.bpmn ----

	/** The penalty procedure's id in penalty_case (Long). */
	public static final String PENALTY_ID = "penaltyId";

	/** The director's filing decision (Boolean) and opinion (String), from Task_ApproveFiling. */
	public static final String FILING_APPROVED = "filingApproved";
	public static final String FILING_OPINION = "filingOpinion";

	/** The decision deadline in force (Date): 90 days from filing, moved by an approved extension. */
	public static final String DECISION_DEADLINE = "decisionDeadline";

	/** Set when the deadline timer found the deadline passed (Boolean). */
	public static final String DEADLINE_OVERDUE = "deadlineOverdue";

	/** Task_Investigate: the investigation's note (String) and whether the case is major and complex (Boolean). */
	public static final String INVESTIGATION_NOTE = "investigationNote";
	public static final String COMPLEX_CASE = "complexCase";

	/** Discretion factors chosen, comma-separated codes of fundguard.penalties.factors (String). */
	public static final String FACTORS = "factors";

	/** Who proposed the penalty: the investigator who answers the legal review (String user id). */
	public static final String INVESTIGATOR = "investigator";

	/** How a document was served (String). */
	public static final String SERVICE_METHOD = "serviceMethod";

	/** End of the statement-and-defence period (Date). */
	public static final String DEFENCE_ENDS_AT = "defenceEndsAt";

	/** Task_RecordDefence: the party's statement (String) and hearing request (Boolean). */
	public static final String DEFENCE = "defence";
	public static final String HEARING_REQUESTED = "hearingRequested";

	/** Whether a hearing is to be held: requested and thresholds met (Boolean). */
	public static final String HEARING_TO_HOLD = "hearingToHold";

	/** Task_HoldHearing: the hearing record (String). */
	public static final String HEARING_RECORD = "hearingRecord";

	/** Whether legal review (Boolean) and collective deliberation (Boolean) are required. */
	public static final String LEGAL_REVIEW_REQUIRED = "legalReviewRequired";
	public static final String COLLECTIVE_DELIBERATION = "collectiveDeliberation";

	/** Task_Deliberate: the conclusion of the collective deliberation (String). */
	public static final String DELIBERATION_CONCLUSION = "deliberationConclusion";

	/** Task_MakeDecision: the director's note (String); then when it was made and the service and publication deadlines (Date). */
	public static final String DECISION_NOTE = "decisionNote";
	public static final String DECIDED_AT = "decidedAt";
	public static final String SERVICE_DUE_AT = "serviceDueAt";
	public static final String PUBLICATION_DUE_AT = "publicationDueAt";

	/** Whether money is owed (Boolean), by when (Date); Task_RecordPayment: amount (Number or String) and day (String yyyy-MM-dd). */
	public static final String PAYMENT_REQUIRED = "paymentRequired";
	public static final String PAYMENT_DUE_AT = "paymentDueAt";
	public static final String PAID_AMOUNT = "paidAmount";
	public static final String PAID_ON = "paidOn";

	/** Task_ApproveExtension: approval (Boolean), reason (String), taken by collective decision (Boolean). */
	public static final String EXTENSION_APPROVED = "extensionApproved";
	public static final String EXTENSION_REASON = "extensionReason";
	public static final String COLLECTIVE_DECISION = "collectiveDecision";

	/** legal-review.bpmn: when the review is due (Date). */
	public static final String REVIEW_DUE_AT = "reviewDueAt";

	/** Task_ReviewPenalty: the checklist (Booleans), the outcome ("approve" or "return") and the written opinion. */
	public static final String CHECK_AUTHORITY = "authorityOk";
	public static final String CHECK_FACTS = "factsOk";
	public static final String CHECK_EVIDENCE = "evidenceOk";
	public static final String CHECK_PROCEDURE = "procedureOk";
	public static final String CHECK_APPLICATION_OF_LAW = "applicationOfLawOk";
	public static final String CHECK_DISCRETION = "discretionOk";
	public static final String REVIEW_OUTCOME = "reviewOutcome";
	public static final String REVIEW_OPINION = "reviewOpinion";

	/** Task_RevisePenalty: what the investigator changed in answer to the opinions (String). */
	public static final String REVISION = "revision";

	private ProcessVariables() {
	}
}
