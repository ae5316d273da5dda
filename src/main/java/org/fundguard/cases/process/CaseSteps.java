package org.fundguard.cases.process;

import static org.fundguard.cases.AuditCaseVariables.*;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.fundguard.cases.CaseDeadlines;
import org.fundguard.cases.CaseDeadlines.Kind;
import org.fundguard.cases.CaseDecisions;
import org.fundguard.cases.CaseInvestigation;
import org.fundguard.cases.CaseOutcomes;
import org.fundguard.cases.CaseOutcomes.PenaltyEnd;
import org.fundguard.cases.CaseTeam;
import org.fundguard.cases.FilingDecision;
import org.fundguard.cases.Intent;
import org.fundguard.cases.Outcome;
import org.fundguard.errors.Refused;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.fundguard.record.Actor;
import org.springframework.stereotype.Component;

/**
 * The glue of bpmn/audit-case.bpmn (bean {@code caseSteps}): every expression of the model passes the case id (and a
 * user task's id) and each method calls one method of the case module. A user task's listener reads what its form
 * submitted through the task gateway, so the same happens whether the task was done in FundGuard or in Camunda
 * Tasklist, and a value the module refuses fails the completion with the module's own words.
 */
@Component("caseSteps")
public class CaseSteps {

	private final TaskGateway tasks;
	private final CaseDecisions decisions;
	private final CaseTeam team;
	private final CaseInvestigation investigation;
	private final CaseDeadlines deadlines;
	private final CaseOutcomes outcomes;

	public CaseSteps(TaskGateway tasks, CaseDecisions decisions, CaseTeam team, CaseInvestigation investigation,
			CaseDeadlines deadlines, CaseOutcomes outcomes) {
		this.tasks = tasks;
		this.decisions = decisions;
		this.team = team;
		this.investigation = investigation;
		this.deadlines = deadlines;
		this.outcomes = outcomes;
	}

	// ---- deadlines: service tasks, due dates and timers ----

	public void setFilingDeadline(long caseId) {
		deadlines.fileBy(caseId);
	}

	public Date filingDue(long caseId) {
		return deadlines.due(caseId, Kind.FILING);
	}

	public Date filingReminder(long caseId) {
		return deadlines.reminderAt(caseId, Kind.FILING);
	}

	public void remindOfFiling(long caseId) {
		deadlines.remind(caseId, Kind.FILING);
	}

	public void escalateFiling(long caseId) {
		deadlines.escalate(caseId, Kind.FILING);
	}

	public void setInvestigationDeadline(long caseId) {
		deadlines.investigateBy(caseId);
	}

	public Date investigationDue(long caseId) {
		return deadlines.due(caseId, Kind.INVESTIGATION);
	}

	public Date investigationReminder(long caseId) {
		return deadlines.reminderAt(caseId, Kind.INVESTIGATION);
	}

	public void remindOfInvestigation(long caseId) {
		deadlines.remind(caseId, Kind.INVESTIGATION);
	}

	public void escalateInvestigation(long caseId) {
		deadlines.escalate(caseId, Kind.INVESTIGATION);
	}

	/** The investigation's tasks are offered to the assigned inspectors by name. */
	public List<String> inspectors(long caseId) {
		return team.usernames(caseId);
	}

	// ---- outcomes: service tasks ----

	public void penaltyProcedureRequested(long caseId) {
		outcomes.penaltyProcedureRequested(caseId);
	}

	public void penaltyCarriedOut(long caseId) {
		outcomes.penaltyProcedureConcluded(caseId, PenaltyEnd.CARRIED_OUT);
	}

	public void penaltyNotFiled(long caseId) {
		outcomes.penaltyProcedureConcluded(caseId, PenaltyEnd.NOT_FILED);
	}

	public void suspendAgreement(long caseId) {
		outcomes.suspendAgreement(caseId);
	}

	public void close(long caseId) {
		outcomes.close(caseId);
	}

	// ---- user tasks: complete listeners ----

	public void filingDecided(long caseId, String taskId) {
		TaskValues v = tasks.values(taskId);
		decisions.decideFiling(caseId, FilingDecision.of(v.text(FILING_DECISION)).orElse(null), v.text(MERGE_INTO),
				v.text(DISMISS_REASON), actor(v));
	}

	public void inspectorsAssigned(long caseId, String taskId) {
		TaskValues v = tasks.values(taskId);
		team.assign(caseId, v.list(CASE_INSPECTORS), v.bool(ON_SITE_CHECK), actor(v));
	}

	public void deskReviewDone(long caseId, String taskId) {
		TaskValues v = tasks.values(taskId);
		investigation.deskReviewDone(caseId, v.text(DESK_REVIEW_SUMMARY), v.text(DOCUMENT_IDS), actor(v));
	}

	public void onSiteCheckDone(long caseId, String taskId) {
		TaskValues v = tasks.values(taskId);
		investigation.onSiteCheckDone(caseId, v.list(ON_SITE_INSPECTORS), v.date(ON_SITE_DATE, "现场检查日期"),
				v.text(ON_SITE_SUMMARY), v.text(DOCUMENT_IDS), actor(v));
	}

	public void findingsRecorded(long caseId, String taskId) {
		TaskValues v = tasks.values(taskId);
		boolean violation = v.bool(VIOLATION_FOUND);
		investigation.recordFindings(caseId, violation, violation ? v.decimal(AMOUNT_TO_RECOVER, "应追回金额") : null,
				violation ? v.list(ARTICLES) : List.of(), violation ? intent(v.text(INTENT)) : null,
				v.text(FINDINGS_SUMMARY), v.text(DOCUMENT_IDS), actor(v));
	}

	public void outcomeDecided(long caseId, String taskId) {
		TaskValues v = tasks.values(taskId);
		decisions.decideOutcome(caseId, Outcome.of(v.text(OUTCOME)).orElse(null), v.text(OUTCOME_REASON),
				v.date(SUSPEND_FROM, "暂停协议起始日"), v.date(SUSPEND_UNTIL, "暂停协议截止日"), actor(v));
	}

	public void transferRecorded(long caseId, String taskId) {
		TaskValues v = tasks.values(taskId);
		investigation.transfer(caseId, v.text(RECEIVING_BODY), v.date(TRANSFER_DATE, "移送日期"), v.text(OUTCOME_REASON),
				v.text(DOCUMENT_IDS), actor(v));
	}

	/** Who completed the task, in the role it was offered to (the investigation's tasks: as inspector). */
	private static Actor actor(TaskValues v) {
		if (v.userId() == null || v.userId().isBlank()) {
			throw Refused.because("cases.task.claim-first");
		}
		return new Actor(v.userId(), v.offeredTo().orElse(Role.INSPECTOR.id()));
	}

	/** The intent chosen, or none (then the findings refuse a violation without one). */
	private static Intent intent(String value) {
		return Arrays.stream(Intent.values()).filter(i -> i.name().equals(value)).findFirst().orElse(null);
	}
}
