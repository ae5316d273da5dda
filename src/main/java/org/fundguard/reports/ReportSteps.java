package org.fundguard.reports;

import static org.fundguard.reports.ReportVariables.ACCEPTANCE;
import static org.fundguard.reports.ReportVariables.CASE_NOTICE;
import static org.fundguard.reports.ReportVariables.CASE_SUMMARY;
import static org.fundguard.reports.ReportVariables.CONCLUSION;
import static org.fundguard.reports.ReportVariables.DECLINE_REASON;
import static org.fundguard.reports.ReportVariables.FACTS_NEW;
import static org.fundguard.reports.ReportVariables.MERGE_CASE_NUMBER;
import static org.fundguard.reports.ReportVariables.REPORT_VERIFIED;
import static org.fundguard.reports.ReportVariables.REWARD_APPROVED;
import static org.fundguard.reports.ReportVariables.REWARD_OPINION;
import static org.fundguard.reports.ReportVariables.REWARD_PAID;

import java.util.Date;

import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.springframework.stereotype.Component;

/**
 * The glue of {@code bpmn/report-handling.bpmn}: every expression of the model calls one of these with the report's
 * id (and a user task's id), and each makes one call into the module. The user tasks' complete listeners read what
 * the form submitted through the task gateway and record the decision with who took it ({@link ReportDecisions},
 * which refuses what breaks a rule, on the report page as in Camunda Tasklist); the service tasks act on what was
 * recorded ({@link ReportHandling}).
 */
@Component("reportSteps")
public class ReportSteps {

	private final TaskGateway gateway;
	private final ReportDecisions decisions;
	private final ReportHandling handling;
	private final ReportRewards rewards;
	private final ReportDeadlines deadlines;

	ReportSteps(TaskGateway gateway, ReportDecisions decisions, ReportHandling handling, ReportRewards rewards,
			ReportDeadlines deadlines) {
		this.gateway = gateway;
		this.decisions = decisions;
		this.handling = handling;
		this.rewards = rewards;
		this.deadlines = deadlines;
	}

	// ---- user tasks' complete listeners: the form's values, recorded with who decided ----

	public void acceptanceDecided(Long reportId, String taskId) {
		TaskValues form = gateway.values(taskId);
		decisions.acceptance(reportId, new ReportDecisions.AcceptanceDecision(Acceptance.chosen(form.text(ACCEPTANCE)),
				form.text(CASE_SUMMARY), form.text(MERGE_CASE_NUMBER), form.text(DECLINE_REASON)), form.userId());
	}

	public void caseNoticeWritten(Long reportId, String taskId) {
		TaskValues form = gateway.values(taskId);
		decisions.caseNotice(reportId, form.text(CASE_NOTICE), form.userId());
	}

	public void conclusionRecorded(Long reportId, String taskId) {
		TaskValues form = gateway.values(taskId);
		decisions.conclusion(reportId, form.bool(REPORT_VERIFIED), form.bool(FACTS_NEW), form.text(CONCLUSION),
				form.userId());
	}

	public void rewardDecided(Long reportId, String taskId) {
		TaskValues form = gateway.values(taskId);
		decisions.reward(reportId, form.bool(REWARD_APPROVED), form.text(REWARD_OPINION), form.userId());
	}

	public void rewardPaid(Long reportId, String taskId) {
		TaskValues form = gateway.values(taskId);
		decisions.payment(reportId, form.bool(REWARD_PAID), form.userId());
	}

	// ---- service tasks: act on what was recorded ----

	/** @return the acceptance deadline, for the task's due date and the overdue timer */
	public Date registerIntake(Long reportId) {
		return handling.registerIntake(reportId);
	}

	public void flagOverdue(Long reportId) {
		handling.flagOverdue(reportId);
	}

	public void decline(Long reportId) {
		handling.decline(reportId);
	}

	/** @return the new audit case's id */
	public Long openCase(Long reportId) {
		return handling.openCase(reportId);
	}

	/** @return the id of the case the report joined */
	public Long merge(Long reportId) {
		return handling.merge(reportId);
	}

	public void noticeCaseFiled(Long reportId) {
		handling.noticeCaseFiled(reportId);
	}

	public void conclude(Long reportId) {
		handling.conclude(reportId);
	}

	/** @return whether the report earns a reward; the amount is kept on the report */
	public boolean assessReward(Long reportId) {
		return rewards.assess(reportId);
	}

	/** The amount the director is asked to approve, for the approval form. */
	public String rewardAmount(Long reportId) {
		return rewards.proposedAmount(reportId);
	}

	/** @return the end of the claim window, for the lapse timer */
	public Date offerReward(Long reportId) {
		return handling.offerReward(reportId);
	}

	public void refuseReward(Long reportId) {
		handling.refuseReward(reportId);
	}

	public void recordPayment(Long reportId) {
		handling.recordPayment(reportId);
	}

	public void lapseReward(Long reportId) {
		handling.lapseReward(reportId);
	}

	public void close(Long reportId) {
		handling.close(reportId);
	}

	// ---- due dates and timers ----

	/** By when a real-name reporter must hear whether a case was filed. */
	public Date caseNoticeDue(Long reportId) {
		return deadlines.caseNotice(reportId);
	}

	/** By when the report is to be concluded. */
	public Date handlingDue(Long reportId) {
		return deadlines.handling(reportId);
	}
}
