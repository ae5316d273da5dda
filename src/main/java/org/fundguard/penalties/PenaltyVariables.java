package org.fundguard.penalties;

import org.fundguard.process.VariablesOf;

/**
 * The variables of bpmn/penalty-decision.bpmn and bpmn/legal-review.bpmn. The procedure carries the audit case's id
 * (passed in by the audit case), its own id (registered by its first step), the fields its forms submit and the few
 * values its gateways route on; deadlines, the proposal and every decision are the module's, asked for by id.
 * <p>
 * Not marked {@code @MigrateRunningInstances}: the penalty procedures running when issue 14 was deployed were started
 * on their own by the audit case's hand-over event and end by correlating a message to it, so they must finish on their
 * own version (see {@code penalties.process.legacy}, which moves only the legal reviews). Mark it once none is left.
 */
@VariablesOf({ PenaltyVariables.PENALTY_DECISION, PenaltyVariables.LEGAL_REVIEW })
public final class PenaltyVariables {

	/** The process key of bpmn/penalty-decision.bpmn, 行政处罚 from filing to enforcement. */
	public static final String PENALTY_DECISION = "penalty-decision";

	/** The process key of bpmn/legal-review.bpmn, 法制审核, called from the penalty decision. */
	public static final String LEGAL_REVIEW = "legal-review";

	/** The message that asks the director for more time (a page correlates it by the procedure's id). */
	public static final String MESSAGE_EXTENSION_REQUESTED = "Message_ExtensionRequested";

	/** The audit case's id (Long), passed in by the audit case. */
	public static final String CASE_ID = "caseId";

	/** The procedure's id in penalty_case (Long), the result of its first step. */
	public static final String PENALTY_ID = "penaltyId";

	/**
	 * How the procedure ended, passed out to the audit case (String): {@link PenaltyStatus#CLOSED} or
	 * {@link PenaltyStatus#FILING_REFUSED}, by name.
	 */
	public static final String PENALTY_OUTCOME = "penaltyOutcome";

	// ---- routing values, results of the procedure's own steps ----

	/** Whether the major-case deliberation follows the legal review (Boolean, decided with the review). */
	public static final String COLLECTIVE_DELIBERATION = "collectiveDeliberation";

	/** Whether money is owed after the decision (Boolean). */
	public static final String PAYMENT_REQUIRED = "paymentRequired";

	/** Who proposed the penalty, the investigator the legal review returns it to (String user id). */
	public static final String INVESTIGATOR = "investigator";

	// ---- form fields of penalty-decision.bpmn ----

	/** Task_ApproveFiling: the director's decision (Boolean) and opinion (String). */
	public static final String FILING_APPROVED = "filingApproved";
	public static final String FILING_OPINION = "filingOpinion";

	/** Task_Investigate: the investigation's note (String) and whether the case is major and complex (Boolean). */
	public static final String INVESTIGATION_NOTE = "investigationNote";
	public static final String COMPLEX_CASE = "complexCase";

	/** Discretion factors chosen, codes of fundguard.penalties.factors separated by commas (String). */
	public static final String FACTORS = "factors";

	/** How a document was served (String). */
	public static final String SERVICE_METHOD = "serviceMethod";

	/** Task_RecordDefence: the party's statement (String) and hearing request (Boolean). */
	public static final String DEFENCE = "defence";
	public static final String HEARING_REQUESTED = "hearingRequested";

	/** Task_HoldHearing: the hearing record (String). */
	public static final String HEARING_RECORD = "hearingRecord";

	/** Task_Deliberate: the conclusion of the collective deliberation (String). */
	public static final String DELIBERATION_CONCLUSION = "deliberationConclusion";

	/** Task_MakeDecision: the director's note (String). */
	public static final String DECISION_NOTE = "decisionNote";

	/** Task_PublishDecision: the director checked what will be published (Boolean). */
	public static final String PUBLISH_CONFIRMED = "publishConfirmed";

	/** Task_RecordPayment: amount (Double) and day (String yyyy-MM-dd, today when empty). */
	public static final String PAID_AMOUNT = "paidAmount";
	public static final String PAID_ON = "paidOn";

	/** Task_ApproveExtension: approval (Boolean), reason (String), taken by collective decision (Boolean). */
	public static final String EXTENSION_APPROVED = "extensionApproved";
	public static final String EXTENSION_REASON = "extensionReason";
	public static final String COLLECTIVE_DECISION = "collectiveDecision";

	// ---- form fields of legal-review.bpmn ----

	/** Task_ReviewPenalty: the checklist (Booleans), the outcome (APPROVE or RETURN) and the written opinion. */
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

	private PenaltyVariables() {
	}
}
