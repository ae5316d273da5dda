package org.fundguard.selfinspections;

import org.fundguard.process.VariablesOf;

/**
 * The variables of bpmn/self-inspection.bpmn: the self-inspection's id and name, each institution's report id (the
 * multi-instance element) and the fields the forms submit. The self-inspection and the reports live in this module's
 * tables.
 */
@VariablesOf(SelfInspectionVariables.KEY)
public final class SelfInspectionVariables {

	/** bpmn/self-inspection.bpmn: one instance per self-inspection, one report task per institution in scope. */
	public static final String KEY = "self-inspection";

	/** The self-inspection's database id (Long). */
	public static final String SELF_INSPECTION_ID = "selfInspectionId";

	/** Its name, for task lists and the forms (String). */
	public static final String SELF_INSPECTION_NAME = "selfInspectionName";

	/** The report ids, one per institution in scope (List of Long): the multi-instance collection. */
	public static final String REPORT_IDS = "reportIds";

	/** One institution's report id inside the multi-instance sub-process (Long). */
	public static final String REPORT_ID = "reportId";

	// ---- form fields (forms/self-inspection-*.form) ----

	/** Task_ReportSelfInspection: what the institution found, in its words (local to one institution). */
	public static final String FOUND = "found";

	/** Task_ReportSelfInspection: the money it refunds, in yuan (local to one institution). */
	public static final String REFUNDED = "refunded";

	/** Task_ReportSelfInspection: the hits (signal ids) it confirms, comma-separated (local to one institution). */
	public static final String REPORTED_HITS = "reportedHits";

	/** Task_ReportSelfInspection: rules it names for problems found beyond the hits, comma-separated (local). */
	public static final String REPORTED_RULES = "reportedRules";

	/** Task_CloseSelfInspection: the director's closing note. */
	public static final String CLOSING_NOTE = "closingNote";

	private SelfInspectionVariables() {
	}
}
