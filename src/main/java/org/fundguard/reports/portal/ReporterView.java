package org.fundguard.reports.portal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.fundguard.reports.Report;
import org.fundguard.reports.ReportStatus;

/**
 * What the reporter sees with the receipt code: the status and what the bureau chose to tell, and nothing else
 * (no case number, no handler's name, no internal notes).
 */
public record ReporterView(ReportStatus status, OffsetDateTime receivedAt, String declineReason, String caseNotice,
		String conclusion, BigDecimal rewardAmount, OffsetDateTime claimDue, boolean mayClaim, String rewardNote) {

	public static ReporterView of(Report r) {
		boolean concluded = r.concludedAt() != null;
		boolean rewardShown = r.rewardAmount() != null && r.claimDue() != null;
		String note = r.rewardPaidAt() != null ? "奖励已发放。"
				: r.rewardNote() != null && r.rewardNote().startsWith("奖励逾期") ? r.rewardNote() : null;
		return new ReporterView(r.status(), r.receivedAt(), r.declineReason(), r.caseNotice(),
				concluded ? r.conclusion() : null, rewardShown ? r.rewardAmount() : null, rewardShown ? r.claimDue() : null,
				r.status() == ReportStatus.REWARD_OFFERED, note);
	}
}
