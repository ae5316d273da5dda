package org.fundguard.inspections;

import org.fundguard.process.MigrateRunningInstances;
import org.fundguard.process.VariablesOf;

/**
 * The variables of bpmn/random-inspection.bpmn: the plan's and each inspection's id, the routing values its gateways
 * read and the fields its forms submit. The plan, the draw and the inspections themselves live in this module's
 * tables.
 */
@VariablesOf(InspectionVariables.KEY)
@MigrateRunningInstances
public final class InspectionVariables {

	/** bpmn/random-inspection.bpmn: plan, approval, draw, publication, inspections, results. */
	public static final String KEY = "random-inspection";

	/** The inspection plan's database id (Long). */
	public static final String PLAN_ID = "planId";

	/** The plan's name, for task lists and the forms (String). */
	public static final String PLAN_NAME = "planName";

	/** Why a draw stopped, in Chinese (String, set by the error boundary event, shown on the director's form). */
	public static final String DRAW_PROBLEM = "drawProblem";

	/** The ids of the plan's inspections, one per drawn institution (List of Long): the multi-instance collection. */
	public static final String INSPECTION_IDS = "inspectionIds";

	/** One inspection's id inside the multi-instance sub-process (Long). */
	public static final String INSPECTION_ID = "inspectionId";

	// ---- form fields (forms/random-inspection-*.form) ----

	/** Task_ApprovePlan: APPROVE or RETURN ({@link PlanDecision}); the gateway after it reads it. */
	public static final String PLAN_DECISION = "planDecision";

	/** Task_ApprovePlan: the director's opinion (required when returning); shown on the drafter's form. */
	public static final String DECISION_OPINION = "decisionOpinion";

	/** Task_DecideStoppedDraw: RETRY (new commitment) or RETURN (back to the drafter) ({@link DrawStopDecision}). */
	public static final String DRAW_STOP_DECISION = "drawStopDecision";

	/** Task_InspectOnSite: an {@link InspectionResult} name (local to one inspection); the gateway after it reads it. */
	public static final String INSPECTION_RESULT = "inspectionResult";

	/** Task_InspectOnSite: what the team found and did (local to one inspection). */
	public static final String RESULT_NOTE = "resultNote";

	/** Task_InspectOnSite: the stored document id of the on-site record, uploaded first (local to one inspection). */
	public static final String RECORD_DOCUMENT_ID = "recordDocumentId";

	private InspectionVariables() {
	}
}
