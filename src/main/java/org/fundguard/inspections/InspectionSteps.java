package org.fundguard.inspections;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.fundguard.calendar.Deadlines;
import org.springframework.stereotype.Component;

/**
 * The glue between bpmn/random-inspection.bpmn and this module: each method reads ids, calls one method of the
 * module and hands back little. Task listeners pass the signed-in user ({@code authenticatedUserId}), so the
 * workbench and Camunda Tasklist do the same thing.
 */
@Component("inspectionSteps")
public class InspectionSteps {

	/** The BPMN error a stopped draw throws; the process sends it to the director. */
	public static final String DRAW_STOPPED = "Error_DrawStopped";

	private final InspectionPlans plans;
	private final PlanDraws draws;
	private final Inspections inspections;
	private final FurtherHandling furtherHandling;

	InspectionSteps(InspectionPlans plans, PlanDraws draws, Inspections inspections, FurtherHandling furtherHandling) {
		this.plans = plans;
		this.draws = draws;
		this.inspections = inspections;
		this.furtherHandling = furtherHandling;
	}

	public void planSubmitted(Long planId) {
		plans.submit(planId);
	}

	public void planDecided(Long planId, String decision, String opinion, String director) {
		if (!"APPROVE".equals(decision) && !"RETURN".equals(decision)) {
			throw new IllegalArgumentException("请选择批准或退回");
		}
		plans.decide(planId, "APPROVE".equals(decision), opinion, who(director));
	}

	/** After a stopped draw the director retries (a new commitment) or returns the plan to its drafter. */
	public void drawStopDecided(Long planId, String decision) {
		if (!"RETRY".equals(decision) && !"RETURN".equals(decision)) {
			throw new IllegalArgumentException("请选择重新抽取或退回修改");
		}
		plans.setStatus(planId, "RETRY".equals(decision) ? PlanStatus.APPROVED : PlanStatus.RETURNED);
	}

	public void commit(Long planId) {
		draws.commit(planId);
	}

	public void draw(Long planId) {
		try {
			draws.draw(planId);
		}
		catch (DrawStopped e) {
			draws.voidDraw(planId, e.getMessage());
			throw new BpmnError(DRAW_STOPPED, e.getMessage());
		}
	}

	/** Publishes the plan with its draw and seed; the ids of its inspections start one inspection each. */
	public List<Long> publish(Long planId) {
		draws.reveal(planId);
		plans.setStatus(planId, PlanStatus.PUBLISHED);
		return inspections.ofPlan(planId).stream().map(Inspection::id).toList();
	}

	/** The plan's inspection deadline, the due date of each on-site inspection. */
	public Date deadlineOf(Long planId) {
		return Date.from(plans.get(planId).draft().deadline().plusDays(1).atStartOfDay(Deadlines.BUREAU_ZONE).toInstant());
	}

	public void inspectionRecorded(Long inspectionId, String result, String note, String recordDocumentId, String inspector) {
		if (result == null || result.isBlank()) {
			throw new IllegalArgumentException("请选择检查结果");
		}
		inspections.record(inspectionId, InspectionResult.valueOf(result), note, recordDocumentId, who(inspector));
	}

	public String openCase(Long inspectionId) {
		return furtherHandling.openCase(inspectionId);
	}

	public void resultPublished(Long inspectionId, String publishedBy) {
		inspections.publish(inspectionId, who(publishedBy));
	}

	public void publicationOverdue(Long inspectionId) {
		inspections.markOverdue(inspectionId);
	}

	public void close(Long planId) {
		plans.setStatus(planId, PlanStatus.CLOSED);
	}

	private static String who(String userId) {
		return userId == null || userId.isBlank() ? "fundguard-system" : userId;
	}
}
