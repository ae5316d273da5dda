package org.fundguard.appeals;

import org.fundguard.process.VariablesOf;

/**
 * The variables of bpmn/signal-review.bpmn, one instance per issued signal (business key: the issued signal's id), so
 * that an institution answers signal by signal, or several at once by completing several tasks.
 */
@VariablesOf(SignalReviewVariables.KEY)
public final class SignalReviewVariables {

	/** bpmn/signal-review.bpmn: the institution's answer, the reminder, the deadline, the review of an appeal. */
	public static final String KEY = "signal-review";

	/** The issued signal's id (String, the row of issued_signal). */
	public static final String ISSUED_SIGNAL_ID = "issuedSignalId";

	/** The Camunda group of the institution that answers ({@code institution-<provider code>}, String). */
	public static final String INSTITUTION_GROUP = "institutionGroup";

	/** What the signal says, for the forms (String, personal data masked). */
	public static final String EVIDENCE = "evidence";

	/** The money involved, in yuan, for the forms (String). */
	public static final String AMOUNT = "amount";

	// ---- form fields (forms/signal-review-*.form) ----

	/** Task_AnswerSignal: ACCEPT or APPEAL ({@link Answer}); the gateway after it reads it. */
	public static final String ANSWER = "answer";

	/** Task_AnswerSignal: the institution's explanation of its appeal (required for APPEAL). */
	public static final String EXPLANATION = "explanation";

	/** Task_AnswerSignal: ids of the documents uploaded on the institution's page, comma-separated. */
	public static final String DOCUMENT_IDS = "documentIds";

	/** Task_ReviewAppeal: the documents as their names and links, shown read-only (an input parameter). */
	public static final String DOCUMENTS = "documents";

	/** Task_ReviewAppeal: UPHOLD or REJECT ({@link AppealOutcome}); the gateway after it reads it. */
	public static final String APPEAL_OUTCOME = "appealOutcome";

	/** Task_ReviewAppeal: the reason of the decision (required). */
	public static final String DECISION_REASON = "decisionReason";

	/** The institution's answer to an issued signal. */
	public enum Answer {
		ACCEPT, APPEAL
	}

	/** The reviewer's decision on an appeal. */
	public enum AppealOutcome {
		/** 申诉成立：疑点作废 */
		UPHOLD,
		/** 申诉不成立：疑点确认 */
		REJECT
	}

	private SignalReviewVariables() {
	}
}
