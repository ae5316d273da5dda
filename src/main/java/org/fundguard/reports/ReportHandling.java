package org.fundguard.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.NewCase;
import org.fundguard.cases.SubjectType;
import org.fundguard.errors.Refused;
import org.fundguard.identity.PersonalData;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The handling of a report from acceptance to closing: what each service task of the process changes, acting on the
 * decisions its user tasks recorded ({@link ReportDecisions}). What reaches the audit case is the report's number,
 * category, subject and facts; never who reported it.
 */
@Service
class ReportHandling {

	static final String ROLE = "report-handler";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Reports reports;
	private final AuditCases cases;
	private final EnforcementRecord record;
	private final ReportDecisions decisions;
	private final ReportDeadlines deadlines;

	ReportHandling(JdbcClient jdbc, Clock clock, Reports reports, AuditCases cases, EnforcementRecord record,
			ReportDecisions decisions, ReportDeadlines deadlines) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.reports = reports;
		this.cases = cases;
		this.record = record;
		this.decisions = decisions;
		this.deadlines = deadlines;
	}

	/** Intake: the acceptance deadline counts from receipt; returned for the task's due date and its timer. */
	Date registerIntake(long reportId) {
		Date due = deadlines.acceptance(reportId);
		jdbc.sql("update report set acceptance_due = ? where id = ?").params(at(due), reportId).update();
		return due;
	}

	/** The acceptance decision is overdue: the report is marked for everyone who lists reports. */
	void flagOverdue(long reportId) {
		jdbc.sql("update report set overdue = ? where id = ?").params(true, reportId).update();
	}

	/** 不予受理: the recorded reason is shown to the reporter on the portal. */
	void decline(long reportId) {
		if (recorded(reportId, Acceptance.DECLINE).declineReason() == null) {
			throw new IllegalStateException("report " + reportId + " declined without a reason");
		}
		jdbc.sql("update report set status = ?, closed_at = ? where id = ?")
			.params(ReportStatus.DECLINED.name(), now(), reportId)
			.update();
	}

	/** 受理并立案: opens an audit case from the report's facts (or the handler's summary), and links the two. */
	@Transactional
	long openCase(long reportId) {
		ReportDecisions.Recorded d = recorded(reportId, Acceptance.ACCEPT);
		Report r = reports.find(reportId).orElseThrow();
		String summary = d.caseSummary() == null ? "举报线索（" + r.category().label() + "）：" + r.description()
				: d.caseSummary();
		SubjectType subjectType = r.subjectKind().caseSubject();
		String subjectKey = r.subjectKind() == SubjectKind.INSTITUTION ? r.subjectKey() : "report:" + r.number();
		String subjectName = subjectType == SubjectType.PERSON ? masked(r.subjectName()) : r.subjectName();
		AuditCase opened = cases.open(new NewCase(subjectType, subjectKey, subjectName, null, CaseSource.REPORT,
				r.number(), r.amount(), truncate(summary, 4000), r.receivedAt(), actor(d.decidedBy())));
		jdbc.sql("update report set status = ?, case_id = ? where id = ?")
			.params(ReportStatus.ACCEPTED.name(), opened.id(), reportId)
			.update();
		return opened.id();
	}

	/** 并案: the report joins the open case the handler chose, which records it (without the reporter). */
	@Transactional
	long merge(long reportId) {
		ReportDecisions.Recorded d = recorded(reportId, Acceptance.MERGE);
		Report r = reports.find(reportId).orElseThrow();
		AuditCase target = cases.findByNumber(d.mergeCaseNumber())
			.filter(c -> c.status().isOpen())
			.orElseThrow(() -> Refused.conflict("reports.acceptance.no-open-case", d.mergeCaseNumber()));
		record.append(target.id(), actor(d.decidedBy()), "REPORT_MERGED",
				"举报线索 " + r.number() + "（" + r.category().label() + "）并入本案调查");
		jdbc.sql("update report set status = ?, case_id = ?, merged = ? where id = ?")
			.params(ReportStatus.MERGED.name(), target.id(), true, reportId)
			.update();
		return target.id();
	}

	/**
	 * Tells the reporter on the portal whether a case was filed: what the handler wrote, or the standard text when
	 * the handler wrote none or let the notice period pass.
	 */
	void noticeCaseFiled(long reportId) {
		Report r = reports.find(reportId).orElseThrow();
		String text = r.caseNotice() == null || r.caseNotice().isBlank() ? r.status().reporterText() : r.caseNotice();
		jdbc.sql("update report set case_notice = ?, case_notice_at = ? where id = ?")
			.params(truncate(text, 2000), now(), reportId)
			.update();
	}

	/** 办结: the recorded conclusion, and the loss the case's findings verified (0 when none). */
	void conclude(long reportId) {
		Report r = reports.find(reportId).orElseThrow();
		if (r.conclusion() == null) {
			throw new IllegalStateException("report " + reportId + " concluded without a recorded conclusion");
		}
		BigDecimal loss = r.caseId() == null ? BigDecimal.ZERO
				: cases.findings(r.caseId())
					.filter(f -> f.violation())
					.map(f -> f.amountToRecover())
					.orElse(BigDecimal.ZERO);
		boolean verified = Boolean.TRUE.equals(r.verified());
		jdbc.sql("update report set status = ?, verified_loss = ?, concluded_at = ? where id = ?")
			.params(ReportStatus.CONCLUDED.name(), verified ? loss : BigDecimal.ZERO, now(), reportId)
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

	/** The director approved the reward: the reporter may claim it until the end of the claim window (returned). */
	Date offerReward(long reportId) {
		Date claimDue = deadlines.claimWindowEnd(now());
		jdbc.sql("update report set status = ?, claim_due = ? where id = ?")
			.params(ReportStatus.REWARD_OFFERED.name(), at(claimDue), reportId)
			.update();
		return claimDue;
	}

	/** The director did not approve the reward: the reason stays with the report. */
	void refuseReward(long reportId) {
		String opinion = decisions.of(reportId).rewardOpinion();
		jdbc.sql("update report set reward_amount = null, reward_note = ? where id = ?")
			.params("负责人未批准奖励" + (opinion == null ? "" : "：" + opinion), reportId)
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

	/** The decisions recorded so far, which must include this acceptance decision: the model routes by it. */
	private ReportDecisions.Recorded recorded(long reportId, Acceptance expected) {
		ReportDecisions.Recorded d = decisions.of(reportId);
		if (d.acceptance() != expected) {
			throw new IllegalStateException("report " + reportId + ": step for " + expected + ", recorded " + d.acceptance());
		}
		return d;
	}

	/** The handler who decided, in the report handler's role; the system when nobody was signed in. */
	static Actor actor(String userId) {
		return userId == null || userId.isBlank() || Actor.SYSTEM.userId().equals(userId) ? Actor.SYSTEM
				: new Actor(userId, ROLE);
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
