package org.fundguard.selfinspections;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Service;

/**
 * What an institution's user or system may do with self-inspections: list its own, read one with its hits, and
 * report. Another institution's report is answered as not found (404), so that its existence is not disclosed either;
 * a user of no institution sees none.
 */
@Service
class InstitutionSelfInspections {

	/** One self-inspection as its institution sees it, with the open report task when there is one. */
	record View(SelfInspection inspection, InstitutionReport report, List<SelfInspectionHit> hits, WorkItem task) {
	}

	private final SelfInspections selfInspections;
	private final SelfInspectionHits hits;
	private final TaskGateway tasks;

	InstitutionSelfInspections(SelfInspections selfInspections, SelfInspectionHits hits, TaskGateway tasks) {
		this.selfInspections = selfInspections;
		this.hits = hits;
		this.tasks = tasks;
	}

	List<InstitutionReport> mine(CurrentUser user) {
		if (!user.institution() || user.providerCode() == null) {
			return List.of();
		}
		return selfInspections.reportsOfProvider(user.providerCode());
	}

	SelfInspection inspectionOf(InstitutionReport report) {
		return selfInspections.get(report.selfInspectionId());
	}

	/** The institution's own report, or 404: never another institution's. */
	InstitutionReport own(long reportId, CurrentUser user) {
		InstitutionReport report;
		try {
			report = selfInspections.report(reportId);
		}
		catch (Refused e) {
			throw Refused.notFound("selfinspections.access.not-yours");
		}
		if (!user.actsFor(report.providerCode())) {
			throw Refused.notFound("selfinspections.access.not-yours");
		}
		return report;
	}

	View view(long reportId, CurrentUser user) {
		InstitutionReport report = own(reportId, user);
		SelfInspection inspection = inspectionOf(report);
		return new View(inspection, report, hits.of(inspection, report.providerCode()), task(reportId, user).orElse(null));
	}

	/**
	 * Reports through the process's task (so the deadline, the task's group and the module's rules apply as in
	 * Tasklist): the form's fields are what bpmn/self-inspection.bpmn's report form takes.
	 */
	void report(long reportId, CurrentUser user, String found, String reportedHits, String reportedRules, String refunded) {
		own(reportId, user);
		WorkItem task = task(reportId, user).orElseThrow(() -> Refused.conflict("selfinspections.report.no-task"));
		Map<String, String> form = new HashMap<>();
		form.put(SelfInspectionVariables.FOUND, found == null ? "" : found);
		form.put(SelfInspectionVariables.REPORTED_HITS, reportedHits == null ? "" : reportedHits);
		form.put(SelfInspectionVariables.REPORTED_RULES, reportedRules == null ? "" : reportedRules);
		form.put(SelfInspectionVariables.REFUNDED, refunded == null ? "" : refunded);
		tasks.complete(task.id(), user, form);
	}

	/** The open report task of this report, offered to (or held by) this user's institution. */
	private Optional<WorkItem> task(long reportId, CurrentUser user) {
		return tasks.openFor(user, SelfInspectionVariables.KEY).stream()
			.filter(t -> "Task_ReportSelfInspection".equals(t.key()))
			.filter(t -> tasks.variable(t.id(), SelfInspectionVariables.REPORT_ID) instanceof Number n && n.longValue() == reportId)
			.findFirst();
	}
}
