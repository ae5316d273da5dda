package org.fundguard.reports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A report as the handlers see it (without the reporter's identity, which {@link ReporterIdentities} reads). */
public record Report(long id, String number, SubjectKind subjectKind, String subjectKey, String subjectName,
		ReportCategory category, String description, String happened, BigDecimal amount, boolean anonymous,
		boolean wantsReward, ReportStatus status, OffsetDateTime receivedAt, OffsetDateTime acceptanceDue,
		boolean overdue, OffsetDateTime decidedAt, String declineReason, Long caseId, boolean merged, String caseNotice,
		OffsetDateTime caseNoticeAt, Boolean verified, Boolean factsNew, BigDecimal verifiedLoss, String conclusion,
		OffsetDateTime concludedAt, BigDecimal rewardAmount, String rewardNote, OffsetDateTime claimDue,
		OffsetDateTime rewardClaimedAt, OffsetDateTime rewardPaidAt, OffsetDateTime closedAt, boolean processStarted) {
}
