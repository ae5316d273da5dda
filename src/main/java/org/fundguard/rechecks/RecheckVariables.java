package org.fundguard.rechecks;

import org.fundguard.process.VariablesOf;

/** The variables of bpmn/re-check.bpmn: the item's id and label, and the fields its forms submit. */
@VariablesOf(RecheckVariables.KEY)
public final class RecheckVariables {

	/** bpmn/re-check.bpmn: one instance per sampled item of a re-check draw. */
	public static final String KEY = "re-check";

	/** The sampled item's database id (Long). */
	public static final String RECHECK_ITEM_ID = "recheckItemId";

	/** What is re-checked, for task lists and the forms ("案件 3703-2026-0001", String). */
	public static final String RECHECK_SUBJECT = "recheckSubject";

	// ---- form fields (forms/re-check-*.form) ----

	/** Task_RecordRecheckOutcome: the outcome, a {@link RecheckOutcome} name. */
	public static final String RECHECK_OUTCOME = "recheckOutcome";

	/** Task_RecordRecheckOutcome: what the re-check found (required unless the conclusion is upheld). */
	public static final String RECHECK_NOTE = "recheckNote";

	/** Task_SignOffRecheckCorrection: the director's opinion. */
	public static final String SIGN_OFF_OPINION = "signOffOpinion";

	private RecheckVariables() {
	}
}
