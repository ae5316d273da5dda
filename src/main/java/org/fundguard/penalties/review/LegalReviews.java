package org.fundguard.penalties.review;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.penalties.PenaltyCase;
import org.fundguard.penalties.Penalties;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 法制审核: the rounds of review of a proposed penalty. Each round is a row and a step in the enforcement record;
 * nothing here changes a round once written, except adding the investigator's answer to a returned one. Nobody who
 * worked on the investigation may take or complete a review.
 */
@Service
public class LegalReviews {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final EnforcementRecord record;
	private final Penalties penalties;
	private final ReviewerIndependence independence;

	LegalReviews(JdbcClient jdbc, Clock clock, EnforcementRecord record, Penalties penalties,
			ReviewerIndependence independence) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.record = record;
		this.penalties = penalties;
		this.independence = independence;
	}

	/** Someone takes the review (claims it, or it is assigned or delegated to them): not one of the investigators. */
	public void take(long penaltyId, String user) {
		PenaltyCase p = penalties.get(penaltyId);
		independence.check(user, p.caseId(), p.caseNumber());
	}

	/**
	 * Records a review. It must have been taken; neither who holds it nor who completes it (the caller, when another
	 * user) may have worked on the investigation; approval needs every checklist point, a return written opinions.
	 *
	 * @param reviewer who holds the review (or completes it unclaimed), null when nobody does
	 * @param outcome the conclusion, null when none was chosen
	 * @return the round's number
	 */
	@Transactional
	public int review(long penaltyId, Actor reviewer, String caller, Checklist checklist, ReviewOutcome outcome,
			String opinion) {
		if (reviewer == null) {
			throw Refused.because("penalties.review.claim-first");
		}
		PenaltyCase p = penalties.get(penaltyId);
		independence.check(reviewer.userId(), p.caseId(), p.caseNumber());
		independence.check(caller, p.caseId(), p.caseNumber());
		if (outcome == null) {
			throw Refused.because("penalties.review.choose-outcome");
		}
		long caseId = p.caseId();
		boolean approve = outcome == ReviewOutcome.APPROVE;
		String text = opinion == null ? "" : opinion.strip();
		if (approve && !checklist.complete()) {
			throw Refused.because("penalties.review.checklist-incomplete", String.join("；", checklist.failed()));
		}
		if (!approve && text.isEmpty()) {
			throw Refused.because("penalties.review.opinion-required");
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
			throw Refused.conflict("penalties.review.nothing-returned");
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
