package org.fundguard.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.fundguard.identity.PersonalData;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.NewCase;
import org.fundguard.cases.SubjectType;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handling of a report from acceptance to closing: what each step of the process changes. What reaches the
 * audit case is the report's number, category, subject and facts; never who reported it.
 */
@Service
class ReportHandling {

	static final String ROLE = "report-handler";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Reports reports;
	private final AuditCases cases;
	private final EnforcementRecord record;

	ReportHandling(JdbcClient jdbc, Clock clock, Reports reports, AuditCases cases, EnforcementRecord record) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.reports = reports;
		this.cases = cases;
		this.record = record;
	}

	void registerIntake(long reportId, Date acceptanceDue) {
		jdbc.sql("update report set acceptance_due = ? where id = ?").params(at(acceptanceDue), reportId).update();
	}

	/** The acceptance decision is overdue: the report is marked for everyone who lists reports. */
	void flagOverdue(long reportId) {
		jdbc.sql("update report set overdue = ? where id = ?").params(true, reportId).update();
	}

	/** 不予受理: the reason is shown to the reporter on the portal. */
	void decline(long reportId, String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new ReportRefused("不予受理须说明理由");
		}
		OffsetDateTime now = now();
		jdbc.sql("update report set status = ?, decline_reason = ?, decided_at = ?, closed_at = ? where id = ?")
			.params(ReportStatus.DECLINED.name(), why, now, now, reportId)
			.update();
	}

	/** 受理并立案: opens an audit case from the report's facts, and links the two. */
	@Transactional
	long openCase(long reportId, String caseSummary, Actor handler) {
		Report r = reports.find(reportId).orElseThrow();
		String summary = caseSummary == null || caseSummary.isBlank()
				? "举报线索（" + r.category().label() + "）：" + r.description() : caseSummary.strip();
		SubjectType subjectType = r.subjectKind().caseSubject();
		String subjectKey = r.subjectKind() == SubjectKind.INSTITUTION ? r.subjectKey() : "report:" + r.number();
		String subjectName = subjectType == SubjectType.PERSON ? masked(r.subjectName()) : r.subjectName();
		AuditCase opened = cases.open(new NewCase(subjectType, subjectKey, subjectName, null, CaseSource.REPORT,
				r.number(), r.amount(), truncate(summary, 4000), r.receivedAt(), handler));
		jdbc.sql("update report set status = ?, case_id = ?, decided_at = ? where id = ?")
			.params(ReportStatus.ACCEPTED.name(), opened.id(), now(), reportId)
			.update();
		return opened.id();
	}

	/** 并案: the report joins an open case of the bureau, which records it (without the reporter). */
	@Transactional
	long merge(long reportId, String caseNumber, Actor handler) {
		Report r = reports.find(reportId).orElseThrow();
		AuditCase target = cases.findByNumber(caseNumber == null ? "" : caseNumber.strip())
			.filter(c -> c.status().isOpen())
			.orElseThrow(() -> new ReportRefused("没有编号为 " + caseNumber + " 的在办案件"));
		record.append(target.id(), handler, "REPORT_MERGED",
				"举报线索 " + r.number() + "（" + r.category().label() + "）并入本案调查");
		jdbc.sql("update report set status = ?, case_id = ?, merged = ?, decided_at = ? where id = ?")
			.params(ReportStatus.MERGED.name(), target.id(), true, now(), reportId)
			.update();
		return target.id();
	}

	/** Tells the reporter on the portal whether a case was filed; the standard text when the handler wrote none. */
	void noticeCaseFiled(long reportId, String notice) {
		Report r = reports.find(reportId).orElseThrow();
		String text = notice == null || notice.isBlank() ? r.status().reporterText() : notice.strip();
		jdbc.sql("update report set case_notice = ?, case_notice_at = ? where id = ?")
			.params(truncate(text, 2000), now(), reportId)
			.update();
	}

	/** 办结: the handler's conclusion, and the loss the case's findings verified (0 when none). */
	void conclude(long reportId, Boolean verified, Boolean factsNew, String conclusion) {
		Report r = reports.find(reportId).orElseThrow();
		BigDecimal loss = r.caseId() == null ? BigDecimal.ZERO
				: cases.findings(r.caseId())
					.filter(f -> f.violation())
					.map(f -> f.amountToRecover())
					.orElse(BigDecimal.ZERO);
		boolean isVerified = Boolean.TRUE.equals(verified);
		jdbc.sql("""
				update report set status = ?, verified = ?, facts_new = ?, verified_loss = ?, conclusion = ?,
				concluded_at = ? where id = ?""")
			.params(ReportStatus.CONCLUDED.name(), isVerified, Boolean.TRUE.equals(factsNew),
					isVerified ? loss : BigDecimal.ZERO, truncate(conclusion == null ? "" : conclusion.strip(), 4000),
					now(), reportId)
			.update();
	}

	/** Stores the reward amount (or why there is none) and says whether the report earns one. */
	boolean assessReward(long reportId, RewardEligibility eligibility, BigDecimal amount) {
		jdbc.sql("update report set reward_amount = ?, reward_note = ? where id = ?")
			.params(eligibility.eligible() ? amount : null,
					eligibility.eligible() ? null : "不予奖励：" + String.join("；", eligibility.reasons()), reportId)
			.update();
		return eligibility.eligible();
	}

	void offerReward(long reportId, Date claimDue) {
		jdbc.sql("update report set status = ?, claim_due = ? where id = ?")
			.params(ReportStatus.REWARD_OFFERED.name(), at(claimDue), reportId)
			.update();
	}

	void refuseReward(long reportId, String opinion) {
		jdbc.sql("update report set reward_amount = null, reward_note = ? where id = ?")
			.params("负责人未批准奖励" + (opinion == null || opinion.isBlank() ? "" : "：" + opinion.strip()), reportId)
			.update();
	}

	void claimReward(long reportId) {
		jdbc.sql("update report set status = ?, reward_claimed_at = ? where id = ? and status = ?")
			.params(ReportStatus.REWARD_CLAIMED.name(), now(), reportId, ReportStatus.REWARD_OFFERED.name())
			.update();
	}

	void recordPayment(long reportId) {
		jdbc.sql("update report set reward_paid_at = ?, reward_note = ? where id = ?")
			.params(now(), "奖励已发放", reportId)
			.update();
	}

	void lapseReward(long reportId) {
		jdbc.sql("update report set reward_note = ? where id = ?")
			.params("奖励逾期未领取，已失效", reportId)
			.update();
	}

	void close(long reportId) {
		jdbc.sql("update report set status = ?, closed_at = ? where id = ?")
			.params(ReportStatus.CLOSED.name(), now(), reportId)
			.update();
	}

	static Actor actor(String userId) {
		return userId == null || userId.isBlank() ? Actor.SYSTEM : new Actor(userId, ROLE);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}

	private static OffsetDateTime at(Date date) {
		return date == null ? null : date.toInstant().atOffset(java.time.ZoneOffset.ofHours(8));
	}

	static String masked(String name) {
		String n = name == null ? "" : name.strip();
		return n.isEmpty() ? "未知" : PersonalData.maskName(n);
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}
}
