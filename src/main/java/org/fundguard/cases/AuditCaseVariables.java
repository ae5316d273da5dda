package org.fundguard.cases;

import org.fundguard.process.MigrateRunningInstances;
import org.fundguard.process.VariablesOf;

/**
 * The variables of bpmn/audit-case.bpmn. The process carries the case's id and number, the fields its forms submit
 * (read by the task listeners through the task gateway, and by the gateways' conditions) and the penalty procedure's
 * outcome; everything else (deadlines, the team, the decisions) is the case module's and asked for by id.
 * <p>
 * Decision values are the upper-case names of {@link FilingDecision} and {@link Outcome}.
 * <p>
 * Running cases follow a changed model to its new version where Camunda's migration allows it
 * ({@link MigrateRunningInstances}); see {@code cases.process.legacy} for the cases that cannot.
 */
@VariablesOf(AuditCaseVariables.PROCESS)
@MigrateRunningInstances
public final class AuditCaseVariables {

	/** The process key of bpmn/audit-case.bpmn. */
	public static final String PROCESS = "audit-case";

	/** The case's database id (Long). */
	public static final String CASE_ID = "caseId";

	/** The case's number, also the business key (String). */
	public static final String CASE_NUMBER = "caseNumber";

	// ---- Task_DecideWhetherToFile ----

	/** The director's filing decision: a {@link FilingDecision} name (String). */
	public static final String FILING_DECISION = "filingDecision";

	/** Number of the open case of the same subject to merge into (String). */
	public static final String MERGE_INTO = "mergeInto";

	/** Why the case is not filed (String). */
	public static final String DISMISS_REASON = "dismissReason";

	// ---- Task_AssignInspectors ----

	/** Usernames of the inspectors to assign, lead inspector first, separated by commas (String). */
	public static final String CASE_INSPECTORS = "caseInspectors";

	/** Whether the investigation includes an on-site check (Boolean); the investigation's gateway reads it. */
	public static final String ON_SITE_CHECK = "onSiteCheck";

	// ---- the investigation ----

	/** Desk review's summary (String). */
	public static final String DESK_REVIEW_SUMMARY = "deskReviewSummary";

	/** On-site check: who took part (usernames, separated by commas), the day, and what was found (String). */
	public static final String ON_SITE_INSPECTORS = "onSiteInspectors";
	public static final String ON_SITE_DATE = "onSiteDate";
	public static final String ON_SITE_SUMMARY = "onSiteSummary";

	/** Findings: violation or not (Boolean), loss to recover (Double), articles of Decree 735, intent, summary. */
	public static final String VIOLATION_FOUND = "violationFound";
	public static final String AMOUNT_TO_RECOVER = "amountToRecover";
	public static final String ARTICLES = "articles";
	public static final String INTENT = "intent";
	public static final String FINDINGS_SUMMARY = "findingsSummary";

	/** Ids of stored documents of the case handed in with a task, separated by commas (String). */
	public static final String DOCUMENT_IDS = "documentIds";

	// ---- Task_DecideOutcome and Task_RecordTransfer ----

	/** The director's outcome: an {@link Outcome} name (String). */
	public static final String OUTCOME = "outcome";
	public static final String OUTCOME_REASON = "outcomeReason";
	public static final String SUSPEND_FROM = "suspendFrom";
	public static final String SUSPEND_UNTIL = "suspendUntil";

	/** Transfer record: the police station or discipline body that received the case, and the day (String). */
	public static final String RECEIVING_BODY = "receivingBody";
	public static final String TRANSFER_DATE = "transferDate";

	// ---- CallActivity_PenaltyProcedure ----

	/**
	 * How the penalty procedure ended, passed out by it (String): {@code CLOSED} (the decision was carried out) or
	 * {@code FILING_REFUSED} (the director did not file it), the names of the penalty procedure's end states.
	 */
	public static final String PENALTY_OUTCOME = "penaltyOutcome";

	private AuditCaseVariables() {
	}
}
