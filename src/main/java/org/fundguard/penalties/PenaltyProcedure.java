package org.fundguard.penalties;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseOutcomes;
import org.fundguard.cases.Findings;
import org.fundguard.documents.StoredDocument;
import org.fundguard.errors.Refused;
import org.fundguard.penalties.review.LegalReviews;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The penalty procedure from the request to the decision: filing, investigation, proposal by the discretion table,
 * notice, statement and defence, hearing, the assessment for legal review and deliberation (the 90-day deadline and
 * its extension are {@link PenaltyDeadlines}). Each step updates the procedure and appends to the case's enforcement
 * record in one transaction. The audit case's status is the audit case's: nothing here changes it.
 */
@Service
public class PenaltyProcedure {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Penalties penalties;
	private final AuditCases cases;
	private final EnforcementRecord record;
	private final DiscretionTable table;
	private final PenaltiesProperties config;
	private final Deadlines deadlines;
	private final PenaltyDocuments documents;
	private final CaseOutcomes outcomes;
	private final LegalReviews reviews;
	private final PenaltyTeam team;

	PenaltyProcedure(JdbcClient jdbc, Clock clock, Penalties penalties, AuditCases cases, EnforcementRecord record,
			DiscretionTable table, PenaltiesProperties config, Deadlines deadlines, PenaltyDocuments documents,
			CaseOutcomes outcomes, LegalReviews reviews, PenaltyTeam team) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.penalties = penalties;
		this.cases = cases;
		this.record = record;
		this.table = table;
		this.config = config;
		this.deadlines = deadlines;
		this.documents = documents;
		this.outcomes = outcomes;
		this.reviews = reviews;
		this.team = team;
	}

	/**
	 * Registers a procedure for an audit case whose findings establish a violation, as requested by the director who
	 * decided the case's outcome: the procedure's first step.
	 */
	@Transactional
	public long register(long caseId) {
		return register(caseId, outcomes.decider(caseId));
	}

	/** Registers a procedure for an audit case whose findings establish a violation. */
	@Transactional
	public long register(long caseId, Actor requestedBy) {
		AuditCase c = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
		Findings f = cases.findings(caseId)
			.filter(Findings::violation)
			.orElseThrow(() -> Refused.conflict("penalties.register.no-violation", c.number()));
		boolean running = penalties.ofCase(caseId).stream()
			.anyMatch(p -> p.status() != PenaltyStatus.CLOSED && p.status() != PenaltyStatus.FILING_REFUSED);
		if (running) {
			throw Refused.conflict("penalties.register.running", c.number());
		}
		jdbc.sql("""
				insert into penalty_case (case_id, case_number, status, party_type, party_key, party_name, requested_by,
				requested_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, c.number(), PenaltyStatus.REQUESTED.name(), c.subjectType().name(), c.subjectKey(),
					c.subjectName() == null ? c.subjectKey() : c.subjectName(), requestedBy.userId(), now())
			.update();
		long id = jdbc.sql("select max(id) from penalty_case where case_id = ?").param(caseId).query(Long.class).single();
		record.append(caseId, requestedBy, "PENALTY_REQUESTED", "提请立案审批，进入行政处罚程序（违反第 "
				+ String.join("、", f.articles()) + " 条，" + f.intent().label() + "，认定损失 " + Yuan.format(f.amountToRecover()) + "）");
		return id;
	}

	/**
	 * The director's filing decision (立案审批). Filing starts the 90-day decision deadline, which is returned; a
	 * refusal returns null.
	 */
	@Transactional
	public Date decideFiling(long id, boolean approved, String opinion, Actor director) {
		PenaltyCase p = expect(id, PenaltyStatus.REQUESTED);
		if (!approved) {
			set(id, "status = ?", PenaltyStatus.FILING_REFUSED.name());
			record.append(p.caseId(), director, "PENALTY_FILING_REFUSED", "负责人不予立案：" + text(opinion));
			return null;
		}
		OffsetDateTime now = now();
		Date deadline = deadlines.afterDays(now, config.periods().decisionDays());
		jdbc.sql("update penalty_case set status = ?, filed_at = ?, decision_deadline = ? where id = ?")
			.params(PenaltyStatus.INVESTIGATING.name(), now, at(deadline), id)
			.update();
		record.append(p.caseId(), director, "PENALTY_FILED", "负责人批准行政处罚立案：" + text(opinion) + "；办案期限 "
				+ config.periods().decisionDays() + " 日，至 " + deadlines.lastDayOf(deadline));
		return deadline;
	}

	/** Investigation and evidence (调查取证), with the hashes of the evidence gathered. */
	@Transactional
	public void investigate(long id, String note, boolean complex, List<String> evidenceHashes, Actor inspector) {
		PenaltyCase p = expect(id, PenaltyStatus.INVESTIGATING);
		jdbc.sql("update penalty_case set investigation_note = ?, complex_case = ? where id = ?")
			.params(text(note), complex, id)
			.update();
		record.append(p.caseId(), inspector, "PENALTY_INVESTIGATED",
				"调查取证：" + text(note) + (complex ? "（标记为重大复杂案件）" : ""), evidenceHashes);
	}

	/** Evidence gathered for the procedure: kept in the document store, its hash in the enforcement record. */
	@Transactional
	public void addEvidence(long id, String description, StoredDocument document, Actor inspector) {
		PenaltyCase p = penalties.get(id);
		if (p.decision().made()) {
			throw Refused.conflict("penalties.evidence.decided");
		}
		team.check(p, inspector.userId());
		record.append(p.caseId(), inspector, "EVIDENCE_ADDED", "调取证据：" + text(description) + "（" + document.fileName() + "）",
				List.of(document.sha256()));
	}

	/** Refuses a user who is not on the case's team, before anything is stored for the user. */
	public void checkOnTeam(long id, String username) {
		team.check(penalties.get(id), username);
	}

	/** Whether the user may add evidence now: an inspector of the case's team, before the decision. */
	public boolean mayAddEvidence(long id, org.fundguard.identity.CurrentUser user) {
		PenaltyCase p = penalties.get(id);
		return user.has(org.fundguard.identity.Role.INSPECTOR) && !p.decision().made() && p.status() != PenaltyStatus.REQUESTED
				&& p.status() != PenaltyStatus.FILING_REFUSED && team.isOn(p.caseId(), user.username());
	}

	/** What the discretion table proposes for these factors, without saving it. */
	public ProposedPenalty preview(long id, Collection<String> factors) {
		PenaltyCase p = penalties.get(id);
		return table.compute(findings(p), p.partyType(), factors);
	}

	/**
	 * Proposes (or, after the notice, revises) the penalty from the discretion table. Once the party has been
	 * notified, a revision heavier than the notified penalty is refused: defending oneself never raises the penalty.
	 */
	@Transactional
	/**
	 * The discretion factors of the proposal in force, as the forms that may change them show them (codes separated by
	 * commas): a form shows what holds, so that submitting it unchanged changes nothing.
	 */
	public String currentFactors(long id) {
		PenaltyCase.Proposal proposal = penalties.get(id).proposal();
		return proposal == null ? "" : String.join(",", proposal.factors());
	}

	public ProposedPenalty propose(long id, Collection<String> factors, Actor inspector) {
		PenaltyCase p = penalties.get(id);
		if (p.decision().made() || p.status() == PenaltyStatus.REQUESTED || p.status() == PenaltyStatus.FILING_REFUSED) {
			throw Refused.conflict("penalties.proposal.not-now", p.status().label());
		}
		ProposedPenalty proposal = table.compute(findings(p), p.partyType(), factors);
		if (p.notice().issued() && proposal.heavierThan(noticed(p))) {
			throw new PenaltyMayNotRise(proposal, p.notice());
		}
		jdbc.sql("""
				update penalty_case set factors = ?, article = ?, recovery = ?, fine_base = ?, fine_multiple = ?, fine = ?,
				measure = ?, measure_months = ?, termination = ?, computation = ?, proposed_by = ?, proposed_at = ?,
				status = ? where id = ?""")
			.params(String.join(",", proposal.factors()), proposal.article(), proposal.recovery(), proposal.base(),
					proposal.multiple(), proposal.fine(), proposal.measure().name(), proposal.measureMonths(),
					proposal.termination(), proposal.computation(), inspector.userId(), now(),
					p.notice().issued() ? p.status().name() : PenaltyStatus.PROPOSED.name(), id)
			.update();
		String action = p.proposal().exists() ? "PENALTY_REVISED" : "PENALTY_PROPOSED";
		record.append(p.caseId(), inspector, action, (p.proposal().exists() ? "变更拟处罚意见：" : "拟处罚意见：")
				+ summary(proposal) + "\n" + proposal.computation());
		return proposal;
	}

	/** Generates the notice (告知书), keeps HTML and PDF, and fixes the ceiling the penalty may not rise above. */
	@Transactional
	public void issueNotice(long id) {
		PenaltyCase p = penalties.get(id);
		if (!p.proposal().exists()) {
			throw new IllegalStateException("no proposal to notify for penalty " + id);
		}
		PenaltyDocuments.Issued notice = documents.notice(p, hearingRight(p));
		jdbc.sql("""
				update penalty_case set notice_number = ?, notice_html_id = ?, notice_pdf_id = ?, noticed_fine = ?,
				noticed_months = ?, noticed_termination = ?, noticed_measure = ? where id = ?""")
			.params(notice.number(), notice.html().id(), notice.pdf().id(), p.proposal().fine(),
					p.proposal().measureMonths(), p.proposal().termination(), p.proposal().hasMeasure(), id)
			.update();
		record.append(p.caseId(), Actor.SYSTEM, "NOTICE_ISSUED", "制作行政处罚事先告知书 " + notice.number() + "（HTML、PDF）",
				List.of(notice.html().sha256(), notice.pdf().sha256()));
	}

	/** The notice was served; returns the end of the statement-and-defence period. */
	@Transactional
	public Date noticeServed(long id, String method, Actor inspector) {
		PenaltyCase p = penalties.get(id);
		if (!p.notice().issued()) {
			throw new IllegalStateException("no notice issued for penalty " + id);
		}
		OffsetDateTime now = now();
		Date end = deadlines.afterDays(now, config.periods().defenceDays());
		jdbc.sql("update penalty_case set notice_served_at = ?, status = ? where id = ?")
			.params(now, PenaltyStatus.NOTICE_SERVED.name(), id)
			.update();
		record.append(p.caseId(), inspector, "NOTICE_SERVED", "送达行政处罚事先告知书 " + p.notice().number() + "（"
				+ text(method) + "）；陈述申辩" + (hearingRight(p) ? "及听证申请" : "") + "期限至 " + deadlines.lastDayOf(end));
		return end;
	}

	/** Whether the proposal gives the party the right to a hearing (thresholds of fundguard.penalties.hearing). */
	public boolean hearingRight(long id) {
		return hearingRight(penalties.get(id));
	}

	/**
	 * The party's statement and defence, and whether it asked for a hearing; the investigator may lower the penalty
	 * in answer (never raise it) by choosing other factors (null or the same factors: unchanged). Returns whether a
	 * hearing is to be held: requested, and the thresholds met.
	 */
	@Transactional
	public boolean recordDefence(long id, String defence, boolean hearingRequested, Collection<String> factors,
			Actor inspector) {
		PenaltyCase p = expect(id, PenaltyStatus.NOTICE_SERVED);
		reviseIfChanged(p, factors, inspector);
		boolean right = hearingRight(penalties.get(id));
		boolean hold = hearingRequested && right;
		jdbc.sql("update penalty_case set defence = ?, hearing_requested = ?, status = ? where id = ?")
			.params(text(defence), hearingRequested, hold ? PenaltyStatus.HEARING.name() : PenaltyStatus.NOTICE_SERVED.name(), id)
			.update();
		record.append(p.caseId(), inspector, "DEFENCE_RECORDED", "当事人陈述申辩：" + text(defence)
				+ (hearingRequested ? (right ? "；当事人申请听证，符合听证条件，组织听证" : "；当事人申请听证，但不符合听证条件") : "；未申请听证"));
		return hold;
	}

	/** The period passed without a statement or hearing request: the party is taken to have waived them. */
	@Transactional
	public void defencePeriodLapsed(long id) {
		PenaltyCase p = penalties.get(id);
		record.append(p.caseId(), Actor.SYSTEM, "DEFENCE_PERIOD_LAPSED", "陈述申辩期限届满，当事人未提出陈述申辩或听证申请，视为放弃");
	}

	/** Whether the defence asked for a hearing the party has a right to: the procedure waits for it. */
	public boolean hearingToHold(long id) {
		return penalties.get(id).status() == PenaltyStatus.HEARING;
	}

	/** The hearing (听证) was held; the penalty may be lowered in answer (other factors), never raised. */
	@Transactional
	public void holdHearing(long id, String hearingRecord, Collection<String> factors, Actor officer) {
		PenaltyCase p = expect(id, PenaltyStatus.HEARING);
		reviseIfChanged(p, factors, officer);
		jdbc.sql("update penalty_case set hearing_held = true, hearing_record = ? where id = ?")
			.params(text(hearingRecord), id)
			.update();
		record.append(p.caseId(), officer, "HEARING_HELD", "举行听证：" + text(hearingRecord));
	}

	/**
	 * Legal review when the thresholds are met, a hearing was held or the case is complex; collective deliberation
	 * for major (threshold) or complex cases. Recorded with its reasons.
	 */
	@Transactional
	public Assessment assess(long id) {
		PenaltyCase p = penalties.get(id);
		var pr = p.proposal();
		boolean reviewThreshold = config.legalReview().metBy(p.partyType(), pr.fine(), pr.hasMeasure());
		boolean majorThreshold = config.collectiveDeliberation().metBy(p.partyType(), pr.fine(), pr.hasMeasure());
		List<String> reasons = new ArrayList<>();
		if (reviewThreshold) {
			reasons.add("达到法制审核标准（罚款 " + Yuan.format(pr.fine()) + (pr.hasMeasure() ? "，" + pr.measureText() : "") + "）");
		}
		if (p.hearingHeld()) {
			reasons.add("经过听证程序");
		}
		if (p.complex()) {
			reasons.add("重大复杂案件");
		}
		boolean review = reviewThreshold || p.hearingHeld() || p.complex();
		boolean deliberation = majorThreshold || p.complex();
		String why = "法制审核：" + (review ? "需要（" + String.join("；", reasons) + "）" : "不需要") + "；集体讨论："
				+ (deliberation ? "需要" : "不需要");
		jdbc.sql("update penalty_case set status = ? where id = ?")
			.params((review ? PenaltyStatus.LEGAL_REVIEW : deliberation ? PenaltyStatus.DELIBERATION : PenaltyStatus.PROPOSED).name(), id)
			.update();
		record.append(p.caseId(), Actor.SYSTEM, review ? "LEGAL_REVIEW_REQUESTED" : "PENALTY_ASSESSED", why);
		return new Assessment(review, deliberation, why);
	}

	/** Whether the assessment asked for a legal review: the procedure calls it next. */
	public boolean legalReviewRequired(long id) {
		return penalties.get(id).status() == PenaltyStatus.LEGAL_REVIEW;
	}

	/**
	 * The investigator answers a returned legal review: revises the penalty when other factors were chosen (never
	 * above the notified one) and resubmits it with the revision's explanation.
	 */
	@Transactional
	public void reviseAfterReview(long id, Collection<String> factors, String revision, Actor investigator) {
		PenaltyCase p = penalties.get(id);
		reviseIfChanged(p, factors, investigator);
		reviews.resubmit(id, p.caseId(), investigator, revision);
	}

	/** 集体讨论 of a major or complex case, recorded with its conclusion. */
	@Transactional
	public void deliberate(long id, String conclusion, Actor director) {
		PenaltyCase p = penalties.get(id);
		jdbc.sql("update penalty_case set deliberation = ?, status = ? where id = ?")
			.params(text(conclusion), PenaltyStatus.DELIBERATION.name(), id)
			.update();
		record.append(p.caseId(), director, "COLLECTIVE_DELIBERATION", "负责人集体讨论决定：" + text(conclusion));
	}

	private boolean hearingRight(PenaltyCase p) {
		var pr = p.proposal();
		return pr.exists() && config.hearing().metBy(p.partyType(), pr.fine(), pr.hasMeasure());
	}

	/** Proposes anew when factors were given and differ from the current ones; the same factors change nothing. */
	private void reviseIfChanged(PenaltyCase p, Collection<String> factors, Actor actor) {
		if (factors != null && !Set.copyOf(factors).equals(Set.copyOf(p.proposal().factors()))) {
			propose(p.id(), factors, actor);
		}
	}

	private Findings findings(PenaltyCase p) {
		return cases.findings(p.caseId()).orElseThrow(() -> new IllegalStateException("no findings for case " + p.caseId()));
	}

	private static ProposedPenalty noticed(PenaltyCase p) {
		var n = p.notice();
		return new ProposedPenalty(p.proposal().article(), p.partyType(), p.proposal().recovery(), null, null, n.fine(),
				p.proposal().measure(), n.months() == null ? 0 : n.months(), Boolean.TRUE.equals(n.termination()), 0,
				List.of(), List.of());
	}

	static String summary(ProposedPenalty p) {
		return "依据第" + p.article() + "条，责令退回 " + Yuan.format(p.recovery()) + "，罚款 " + Yuan.format(p.fine())
				+ (p.hasMeasure() ? "，" + p.measureText() : "");
	}

	PenaltyCase expect(long id, PenaltyStatus... allowed) {
		PenaltyCase p = penalties.get(id);
		for (PenaltyStatus s : allowed) {
			if (p.status() == s) {
				return p;
			}
		}
		throw Refused.conflict("penalties.step.not-now", p.caseNumber(), p.status().label());
	}

	private void set(long id, String assignment, Object value) {
		jdbc.sql("update penalty_case set " + assignment + " where id = ?").params(value, id).update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}

	static OffsetDateTime at(Date date) {
		return date.toInstant().atOffset(java.time.ZoneOffset.ofHours(8));
	}

	static String text(String s) {
		return s == null || s.isBlank() ? "（无）" : s.strip();
	}

	static BigDecimal zeroIfNull(BigDecimal b) {
		return b == null ? BigDecimal.ZERO : b;
	}
}
