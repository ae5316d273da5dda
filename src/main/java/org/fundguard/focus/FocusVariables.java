package org.fundguard.focus;

import org.fundguard.process.VariablesOf;

/**
 * The variables of bpmn/fund-focus.bpmn: the focused inspection's id and the fund's name, the routing value of the
 * director's sign-off and the fields the forms submit. Everything else lives in this module's table.
 */
@VariablesOf(FocusVariables.KEY)
public final class FocusVariables {

	/** bpmn/fund-focus.bpmn: one instance per focused inspection. */
	public static final String KEY = "fund-focus";

	/** The focused inspection's database id (Long). */
	public static final String FOCUS_ID = "focusId";

	/** The fund as the bureau names it (region and scheme), for task lists and the forms (String). */
	public static final String FUND_NAME = "fundName";

	/** Correlated by focusId once every inspection of the focused inspection's plan has its result recorded. */
	public static final String MESSAGE_PLAN_INSPECTIONS_RECORDED = "Message_FocusPlanInspectionsRecorded";

	// ---- form fields (forms/fund-focus-*.form) ----

	/** Task_AnalyseFundGrowth: what drives the growth, in the analyst's words. */
	public static final String FINDINGS = "findings";

	/** Task_DraftRegionalInspectionPlan: institutions to draw in the region. */
	public static final String SAMPLE_COUNT = "sampleCount";

	/** Task_DraftRegionalInspectionPlan: inspectors per institution (at least 2). */
	public static final String INSPECTORS_PER_INSTITUTION = "inspectorsPerInstitution";

	/** Task_DraftRegionalInspectionPlan: the day the plan's inspections are due (yyyy-MM-dd). */
	public static final String PLAN_DEADLINE = "planDeadline";

	/** Task_AwaitPlanInspections: why the director proceeds before every inspection is recorded. */
	public static final String PROCEED_NOTE = "proceedNote";

	/** Task_AssessFundRisk: HIGH, MEDIUM or LOW. */
	public static final String RISK_LEVEL = "riskLevel";

	/** Task_AssessFundRisk: the causes found. */
	public static final String CAUSES = "causes";

	/** Task_ResolveFundRisk: the measures (化解措施). */
	public static final String MEASURES = "measures";

	/** Task_ResolveFundRisk: working days the measures are given. */
	public static final String MEASURES_WORKING_DAYS = "measuresWorkingDays";

	/** Task_SignOffResolution: APPROVE or RETURN; the gateway after it routes on it. */
	public static final String SIGN_OFF = "signOff";

	/** Task_SignOffResolution: the director's opinion (required to return). */
	public static final String SIGN_OFF_OPINION = "signOffOpinion";

	private FocusVariables() {
	}
}
