package org.fundguard.reports;

import java.math.BigDecimal;
import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * The report-handling process's service tasks, called from expressions in {@code bpmn/report-handling.bpmn}:
 * each takes the ids the process carries, makes one call into the module and hands back at most one small value.
 * The acting user is the engine's authenticated user (the one who completed the task before), or the system.
 */
@Component("reportSteps")
public class ReportSteps {

	private final ReportHandling handling;
	private final ReportRewards rewards;

	ReportSteps(ReportHandling handling, ReportRewards rewards) {
		this.handling = handling;
		this.rewards = rewards;
	}

	/** Intake: the acceptance deadline is set on the report; returned for the task's due date and the timer. */
	public Date registerIntake(Long reportId, Date acceptanceDue) {
		handling.registerIntake(reportId, acceptanceDue);
		return acceptanceDue;
	}

	public void flagOverdue(Long reportId) {
		handling.flagOverdue(reportId);
	}

	public void decline(Long reportId, String reason) {
		handling.decline(reportId, reason);
	}

	/** @return the new audit case's id */
	public Long openCase(Long reportId, String caseSummary, String userId) {
		return handling.openCase(reportId, caseSummary, ReportHandling.actor(userId));
	}

	/** @return the id of the case the report joined */
	public Long merge(Long reportId, String caseNumber, String userId) {
		return handling.merge(reportId, caseNumber, ReportHandling.actor(userId));
	}

	public void noticeCaseFiled(Long reportId, String notice) {
		handling.noticeCaseFiled(reportId, notice);
	}

	public void conclude(Long reportId, Boolean verified, Boolean factsNew, String conclusion) {
		handling.conclude(reportId, verified, factsNew, conclusion);
	}

	/** @return whether the report earns a reward; the amount is kept on the report */
	public boolean assessReward(Long reportId) {
		return rewards.assess(reportId);
	}

	/** The amount the director is asked to approve, yuan with two decimals, for the approval form. */
	public String rewardAmount(Long reportId) {
		BigDecimal amount = rewards.amountOf(reportId);
		return amount == null ? "0.00" : amount.toPlainString();
	}

	/** @return the end of the claim window, for the lapse timer */
	public Date offerReward(Long reportId, Date claimDue) {
		handling.offerReward(reportId, claimDue);
		return claimDue;
	}

	public void refuseReward(Long reportId, String opinion) {
		handling.refuseReward(reportId, opinion);
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
}
