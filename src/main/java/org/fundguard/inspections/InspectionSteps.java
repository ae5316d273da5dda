package org.fundguard.inspections;

import static org.fundguard.inspections.InspectionVariables.DECISION_OPINION;
import static org.fundguard.inspections.InspectionVariables.DRAW_STOP_DECISION;
import static org.fundguard.inspections.InspectionVariables.INSPECTION_RESULT;
import static org.fundguard.inspections.InspectionVariables.PLAN_DECISION;
import static org.fundguard.inspections.InspectionVariables.RECORD_DOCUMENT_ID;
import static org.fundguard.inspections.InspectionVariables.RESULT_NOTE;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.springframework.stereotype.Component;

/**
 * The glue of bpmn/random-inspection.bpmn: every expression of the model calls one of these with the plan's or the
 * inspection's id (and a user task's id), and each makes one call into the module. The user tasks' complete listeners
 * read what the form submitted through the task gateway and hand it, typed, with who did it, to the module, which
 * refuses what breaks a rule; so the workbench's pages and Camunda Tasklist do the same thing.
 */
@Component("inspectionSteps")
public class InspectionSteps {

	/** The BPMN error a stopped draw throws; the process sends it to the director. */
	public static final String DRAW_STOPPED = "Error_DrawStopped";

	private final TaskGateway gateway;
	private final InspectionPlans plans;
	private final PlanDraws draws;
	private final Inspections inspections;
	private final FurtherHandling furtherHandling;

	InspectionSteps(TaskGateway gateway, InspectionPlans plans, PlanDraws draws, Inspections inspections,
			FurtherHandling furtherHandling) {
		this.gateway = gateway;
		this.plans = plans;
		this.draws = draws;
		this.inspections = inspections;
		this.furtherHandling = furtherHandling;
	}

	// ---- user tasks' complete listeners ----

	public void planSubmitted(Long planId) {
		plans.submit(planId);
	}

	public void planDecided(Long planId, String taskId) {
		TaskValues form = gateway.values(taskId);
		plans.decide(planId, PlanDecision.chosen(form.text(PLAN_DECISION)), form.text(DECISION_OPINION), form.userId());
	}

	public void drawStopDecided(Long planId, String taskId) {
		TaskValues form = gateway.values(taskId);
		plans.afterStoppedDraw(planId, DrawStopDecision.chosen(form.text(DRAW_STOP_DECISION)), form.userId());
	}

	public void inspectionRecorded(Long inspectionId, String taskId) {
		TaskValues form = gateway.values(taskId);
		inspections.record(inspectionId, InspectionResult.chosen(form.text(INSPECTION_RESULT)), form.text(RESULT_NOTE),
				form.text(RECORD_DOCUMENT_ID), form.userId());
	}

	public void resultPublished(Long inspectionId, String taskId) {
		inspections.publish(inspectionId, gateway.values(taskId).userId());
	}

	// ---- service tasks ----

	public void commit(Long planId) {
		draws.commit(planId);
	}

	/** Draws the plan; a draw that cannot be made (and was voided) goes to the director as the process's error. */
	public void draw(Long planId) {
		try {
			draws.draw(planId);
		}
		catch (DrawStopped e) {
			throw new BpmnError(DRAW_STOPPED, e.getMessage());
		}
	}

	/** Publishes the plan with its draw and seed; the ids of its inspections start one inspection each. */
	public List<Long> publish(Long planId) {
		return draws.publish(planId);
	}

	/** @return the new audit case's number */
	public String openCase(Long inspectionId) {
		return furtherHandling.openCase(inspectionId);
	}

	public void publicationOverdue(Long inspectionId) {
		inspections.markOverdue(inspectionId);
	}

	public void close(Long planId) {
		plans.close(planId);
	}

	// ---- due dates and timers ----

	/** The plan's inspection deadline, the due date of each on-site inspection. */
	public Date inspectionDue(Long planId) {
		return plans.inspectionDue(planId);
	}

	/** By when a recorded result must be published: the due date of its publication and the escalation timer. */
	public Date publicationDue(Long inspectionId) {
		return inspections.publicationDue(inspectionId);
	}
}
