package org.fundguard.reports;

import java.math.BigDecimal;

import org.springframework.stereotype.Service;

/** Judges a concluded report against the reward rules and prices the reward from the configured table. */
@Service
class ReportRewards {

	private final Reports reports;
	private final ReporterIdentities identities;
	private final ReportHandling handling;
	private final RewardTable table;

	ReportRewards(Reports reports, ReporterIdentities identities, ReportHandling handling, ReportsProperties properties) {
		this.reports = reports;
		this.identities = identities;
		this.handling = handling;
		this.table = new RewardTable(properties.reward());
	}

	boolean assess(long reportId) {
		Report r = reports.find(reportId).orElseThrow();
		var eligibility = RewardEligibility.judge(!r.anonymous(), identities.kindOf(reportId).orElse(null),
				r.wantsReward(), r.factsNew(), r.verified(), r.verifiedLoss());
		return handling.assessReward(reportId, eligibility, table.rewardFor(r.verifiedLoss()));
	}

	/** The amount the director is asked to approve, yuan with two decimals, for the approval form. */
	String proposedAmount(long reportId) {
		BigDecimal amount = reports.find(reportId).map(Report::rewardAmount).orElse(null);
		return amount == null ? "0.00" : amount.toPlainString();
	}
}
