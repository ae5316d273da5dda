package org.fundguard.reports;

/** Names the report-handling process shares with the code around it. */
final class ReportProcess {

	/** The reporter asked on the portal for the approved reward; correlated by the report number (business key). */
	static final String MESSAGE_REWARD_CLAIMED = "Message_ReportRewardClaimed";

	static final String ACCEPT = "ACCEPT";
	static final String DECLINE = "DECLINE";
	static final String MERGE = "MERGE";

	private ReportProcess() {
	}
}
