package org.fundguard.penalties.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 法制审核: the rounds of review of a proposed penalty. Each round is a row and a step in the enforcement record;
 * nothing here changes a round once written, except adding the investigator's answer to a returned one.
 */
@Service
public class LegalReviews {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final EnforcementRecord record;

	LegalReviews(JdbcClient jdbc, Clock clock, EnforcementRecord record) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.record = record;
	}

	/**
	 * Records a review. Approval needs every checklist point; a return needs written opinions.
	 *
	 * @return the round's number
	 */
	@Transactional
	public int review(long penaltyId, long caseId, Actor reviewer, Checklist checklist, boolean approve, String opinion) {
		String text = opinion == null ? "" : opinion.strip();
		if (approve && !checklist.complete()) {
			throw new IllegalArgumentException("审核清单未全部通过，不能审核通过：" + String.join("；", checklist.failed()));
		}
		if (!approve && text.isEmpty()) {
			throw new IllegalArgumentException("退回须写明书面审核意见 / a return needs written opinions");
		}
		int round = rounds(penaltyId).size() + 1;
		jdbc.sql("""
				insert into legal_review_round (penalty_id, round_no, case_id, reviewer, authority_ok, facts_ok, evidence_ok,
				procedure_ok, application_ok, discretion_ok, outcome, opinion, reviewed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(penaltyId, round, caseId, reviewer.userId(), checklist.authority(), checklist.facts(),
					checklist.evidence(), checklist.procedure(), checklist.applicationOfLaw(), checklist.discretion(),
					approve ? "APPROVED" : "RETURNED", text, now())
			.update();
		String points = checklist.complete() ? "审核清单六项均符合" : "不符合：" + String.join("；", checklist.failed());
		record.append(caseId, reviewer, approve ? "LEGAL_REVIEW_APPROVED" : "LEGAL_REVIEW_RETURNED",
				"第 " + round + " 轮法制审核" + (approve ? "通过" : "退回补正") + "（" + points + "）" + (text.isEmpty() ? "" : "：" + text));
		return round;
	}

	/** The investigator answers the last returned round and resubmits. */
	@Transactional
	public void resubmit(long penaltyId, long caseId, Actor investigator, String revision) {
		List<ReviewRound> rounds = rounds(penaltyId);
		if (rounds.isEmpty() || rounds.getLast().approved()) {
			throw new IllegalStateException("没有被退回的审核 / nothing was returned");
		}
		String text = revision == null || revision.isBlank() ? "（无说明）" : revision.strip();
		jdbc.sql("update legal_review_round set revised_by = ?, revision = ?, revised_at = ? where penalty_id = ? and round_no = ?")
			.params(investigator.userId(), text, now(), penaltyId, rounds.getLast().round())
			.update();
		record.append(caseId, investigator, "LEGAL_REVIEW_RESUBMITTED",
				"按第 " + rounds.getLast().round() + " 轮审核意见补正后重新提交法制审核：" + text);
	}

	public List<ReviewRound> rounds(long penaltyId) {
		return jdbc.sql("""
				select penalty_id, round_no, reviewer, authority_ok, facts_ok, evidence_ok, procedure_ok, application_ok,
				discretion_ok, outcome, opinion, reviewed_at, revised_by, revision, revised_at
				from legal_review_round where penalty_id = ? order by round_no""")
			.param(penaltyId)
			.query((rs, n) -> new ReviewRound(rs.getLong(1), rs.getInt(2), rs.getString(3),
					new Checklist(rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8),
							rs.getBoolean(9)),
					"APPROVED".equals(rs.getString(10)), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
					rs.getString(13), rs.getString(14), rs.getObject(15, OffsetDateTime.class)))
			.list();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}
}
