package org.fundguard.reports;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.fundguard.cases.AuditCases;
import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the handlers and the director decide in the report's user tasks, checked and kept on the report with who
 * decided it. The process's task listeners call this whether the task was done on the report page or in Camunda
 * Tasklist, so a rule here (a decline needs a reason, a merge needs an open case) holds in both; the process's
 * service tasks then act on what was recorded ({@link ReportHandling}).
 */
@Service
class ReportDecisions {

	/**
	 * The acceptance decision as the form gave it.
	 *
	 * @param caseSummary the handler's summary for the case file (ACCEPT; empty: the report's facts)
	 * @param mergeCaseNumber the open case to join (MERGE)
	 * @param declineReason why not, for the reporter (DECLINE)
	 */
	record AcceptanceDecision(Acceptance acceptance, String caseSummary, String mergeCaseNumber, String declineReason) {
	}

	/** The decisions recorded on a report so far (null where none was taken yet). */
	record Recorded(Acceptance acceptance, String decidedBy, String caseSummary, String mergeCaseNumber,
			String declineReason, String caseNotice, Boolean rewardApproved, String rewardOpinion) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Reports reports;
	private final AuditCases cases;

	ReportDecisions(JdbcClient jdbc, Clock clock, Reports reports, AuditCases cases) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.reports = reports;
		this.cases = cases;
	}

	/** 受理决定: once per report; a decline needs a reason (the reporter reads it), a merge an open case. */
	void acceptance(long reportId, AcceptanceDecision d, String handlerId) {
		Report r = report(reportId);
		if (r.status() != ReportStatus.RECEIVED) {
			throw Refused.conflict("reports.acceptance.already-decided", r.status().label());
		}
		String summary = null;
		String mergeInto = null;
		String declineReason = null;
		switch (d.acceptance()) {
			case ACCEPT -> summary = blankToNull(d.caseSummary());
			case MERGE -> mergeInto = openCaseNumber(d.mergeCaseNumber());
			case DECLINE -> {
				declineReason = blankToNull(d.declineReason());
				if (declineReason == null) {
					throw Refused.because("reports.acceptance.decline-reason-required");
				}
			}
		}
		jdbc.sql("""
				update report set acceptance = ?, decided_by = ?, decided_at = ?, case_summary = ?, merge_case_number = ?,
				decline_reason = ? where id = ?""")
			.params(d.acceptance().name(), who(handlerId), now(), truncate(summary, 4000), mergeInto,
					truncate(declineReason, 2000), reportId)
			.update();
	}

	/** What a real-name reporter is to be told about the filing; nothing written means the standard text. */
	void caseNotice(long reportId, String notice, String handlerId) {
		report(reportId);
		jdbc.sql("update report set case_notice = ?, case_notice_by = ? where id = ?")
			.params(truncate(blankToNull(notice), 2000), who(handlerId), reportId)
			.update();
	}

	/** 办结: the conclusion is what the reporter reads, so it cannot be left empty. */
	void conclusion(long reportId, boolean verified, boolean factsNew, String conclusion, String handlerId) {
		report(reportId);
		String text = blankToNull(conclusion);
		if (text == null) {
			throw Refused.because("reports.conclusion.required");
		}
		jdbc.sql("update report set verified = ?, facts_new = ?, conclusion = ?, concluded_by = ? where id = ?")
			.params(verified, factsNew, truncate(text, 4000), who(handlerId), reportId)
			.update();
	}

	/** The director's decision on the proposed reward. */
	void reward(long reportId, boolean approved, String opinion, String directorId) {
		report(reportId);
		jdbc.sql("update report set reward_approved = ?, reward_opinion = ?, reward_decided_by = ? where id = ?")
			.params(approved, truncate(blankToNull(opinion), 2000), who(directorId), reportId)
			.update();
	}

	/** The handler confirms the payment, which requires having checked the reporter's identity in person. */
	void payment(long reportId, boolean paid, String handlerId) {
		report(reportId);
		if (!paid) {
			throw Refused.because("reports.reward.payment-unconfirmed");
		}
		jdbc.sql("update report set reward_paid_by = ? where id = ?").params(who(handlerId), reportId).update();
	}

	Recorded of(long reportId) {
		return jdbc.sql("""
				select acceptance, decided_by, case_summary, merge_case_number, decline_reason, case_notice,
				reward_approved, reward_opinion from report where id = ?""")
			.param(reportId)
			.query((rs, n) -> {
				String acceptance = rs.getString(1);
				boolean approved = rs.getBoolean(7);
				return new Recorded(acceptance == null ? null : Acceptance.valueOf(acceptance), rs.getString(2),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.wasNull() ? null : approved,
						rs.getString(8));
			})
			.optional()
			.orElseThrow(() -> new IllegalStateException("no report " + reportId));
	}

	/** The number of the open case a report may join; refused when there is none of that number. */
	private String openCaseNumber(String typed) {
		String number = typed == null ? "" : typed.strip();
		if (number.isEmpty()) {
			throw Refused.because("reports.acceptance.merge-case-required");
		}
		return cases.findByNumber(number)
			.filter(c -> c.status().isOpen())
			.orElseThrow(() -> Refused.because("reports.acceptance.no-open-case", number))
			.number();
	}

	private Report report(long reportId) {
		return reports.find(reportId).orElseThrow(() -> Refused.notFound("reports.report.not-found", reportId));
	}

	/** Who decided: the task's user, or the system when the engine ran without one. */
	static String who(String userId) {
		return userId == null || userId.isBlank() ? Actor.SYSTEM.userId() : userId;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
