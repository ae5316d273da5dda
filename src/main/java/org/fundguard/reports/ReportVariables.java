package org.fundguard.reports;

import org.fundguard.process.MigrateRunningInstances;
import org.fundguard.process.VariablesOf;

/**
 * The variables of bpmn/report-handling.bpmn: the report's id and number, the routing values its gateways read and
 * the fields its forms submit. Never the reporter's identity: a real-name reporter is only the flag
 * {@link #REAL_NAME}. What the handlers decided lives in the report's row ({@link ReportDecisions}).
 */
@VariablesOf(ReportVariables.KEY)
@MigrateRunningInstances
public final class ReportVariables {

	/** bpmn/report-handling.bpmn: a whistleblower report from intake to reward and closing. */
	public static final String KEY = "report-handling";

	/** The reporter asked on the portal for the approved reward; correlated by the report number (business key). */
	public static final String MESSAGE_REWARD_CLAIMED = "Message_ReportRewardClaimed";

	/** The report's database id (Long). */
	public static final String REPORT_ID = "reportId";

	/** The report's number (JB370300-2026-000123), also the business key (String). */
	public static final String REPORT_NUMBER = "reportNumber";

	/** Whether the reporter gave a real name, so must hear whether a case was filed (Boolean). */
	public static final String REAL_NAME = "realName";

	/** End of the acceptance decision's period, as the module set it (Date): the task's due date and its timer. */
	public static final String ACCEPTANCE_DUE = "acceptanceDue";

	/** The audit case the report opened or joined (Long). */
	public static final String CASE_ID = "caseId";

	/** End of the claim window, after which the reward lapses (Date), as the module set it. */
	public static final String CLAIM_DUE = "claimDue";

	/** Whether the report earns a reward under the rules (Boolean), as the module judged it. */
	public static final String REWARD_ELIGIBLE = "rewardEligible";

	/** The reward amount put to the director, yuan (String, local to the approval task, for its form). */
	public static final String REWARD_AMOUNT = "rewardAmount";

	// ---- form fields (forms/report-*.form) ----

	/** Task_DecideAcceptance: ACCEPT, MERGE or DECLINE ({@link Acceptance}). */
	public static final String ACCEPTANCE = "acceptance";

	/** Task_DecideAcceptance: the handler's summary for the new case file, without the reporter (optional). */
	public static final String CASE_SUMMARY = "caseSummary";

	/** Task_DecideAcceptance: the number of the open case a report is merged into. */
	public static final String MERGE_CASE_NUMBER = "mergeCaseNumber";

	/** Task_DecideAcceptance: why a report is not accepted; shown to the reporter. */
	public static final String DECLINE_REASON = "declineReason";

	/** Task_SuperviseAcceptance: the director's opinion. */
	public static final String SUPERVISION_OPINION = "supervisionOpinion";

	/** Task_NotifyCaseFiled: what a real-name reporter is told (optional: a standard text otherwise). */
	public static final String CASE_NOTICE = "caseNotice";

	/** Task_RecordConclusion: the investigation verified the report (Boolean). */
	public static final String REPORT_VERIFIED = "reportVerified";

	/** Task_RecordConclusion: the reported facts were not known to the bureau before (Boolean). */
	public static final String FACTS_NEW = "factsNewToBureau";

	/** Task_RecordConclusion: the handler's conclusion, shown to the reporter. */
	public static final String CONCLUSION = "conclusion";

	/** Task_ApproveReward: the director approved the reward (Boolean); the gateway after it reads it. */
	public static final String REWARD_APPROVED = "rewardApproved";

	/** Task_ApproveReward: the director's opinion. */
	public static final String REWARD_OPINION = "rewardOpinion";

	/** Task_PayReward: the handler confirms the reporter's identity was checked and the reward paid (Boolean). */
	public static final String REWARD_PAID = "rewardPaid";

	private ReportVariables() {
	}
}
