package org.fundguard.selfinspections;

import static org.fundguard.selfinspections.SelfInspectionVariables.CLOSING_NOTE;
import static org.fundguard.selfinspections.SelfInspectionVariables.FOUND;
import static org.fundguard.selfinspections.SelfInspectionVariables.REFUNDED;
import static org.fundguard.selfinspections.SelfInspectionVariables.REPORTED_HITS;
import static org.fundguard.selfinspections.SelfInspectionVariables.REPORTED_RULES;

import java.util.Date;
import java.util.List;

import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.springframework.stereotype.Component;

/**
 * The glue of bpmn/self-inspection.bpmn: every expression calls one of these with ids (and a user task's id), and each
 * makes one call into the module. The report task is offered to the institution's own candidate group only, never to
 * all institutions.
 */
@Component("selfInspectionSteps")
public class SelfInspectionSteps {

	private final TaskGateway gateway;
	private final SelfInspections selfInspections;

	SelfInspectionSteps(TaskGateway gateway, SelfInspections selfInspections) {
		this.gateway = gateway;
		this.selfInspections = selfInspections;
	}

	/** The report ids, one per institution in scope: the multi-instance collection. */
	public List<Long> reportIds(Long selfInspectionId) {
		return selfInspections.reportIds(selfInspectionId);
	}

	/** The candidate group of the one institution a report belongs to (institution-&lt;provider code&gt;). */
	public String institutionGroup(Long reportId) {
		return Role.institutionGroup(selfInspections.report(reportId).providerCode());
	}

	public Date deadline(Long selfInspectionId) {
		return selfInspections.deadline(selfInspectionId);
	}

	public void reported(Long reportId, String taskId) {
		TaskValues form = gateway.values(taskId);
		// Tasklist submits any variable with a form, reportId too: the task must be this report's institution's
		if (!form.offeredTo().equals(java.util.Optional.of(institutionGroup(reportId)))) {
			throw org.fundguard.errors.Refused.forbidden("selfinspections.report.not-yours");
		}
		selfInspections.answer(reportId, form.text(FOUND), form.list(REPORTED_HITS), form.list(REPORTED_RULES),
				form.decimal(REFUNDED, "退回金额"), form.userId());
	}

	public void notReported(Long reportId) {
		selfInspections.markOverdue(reportId);
	}

	public void closed(Long selfInspectionId, String taskId) {
		TaskValues form = gateway.values(taskId);
		selfInspections.close(selfInspectionId, form.text(CLOSING_NOTE), form.userId());
	}
}
