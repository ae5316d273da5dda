package org.fundguard.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The director's decisions on a case: filing (立案: accept, merge into an open case of the same subject, or dismiss
 * with a reason) and the outcome after the findings. Each is kept, and is a step of the enforcement record.
 */
@Service
public class CaseDecisions {

	/** A decision as kept; {@code suspendFrom}/{@code suspendUntil} only for a suspension. */
	public record Decision(long caseId, String kind, String decision, String reason, LocalDate suspendFrom,
			LocalDate suspendUntil, String decidedBy, OffsetDateTime decidedAt) {

		public Actor actor() {
			return new Actor(decidedBy, "director");
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditCases cases;
	private final CaseEvidence evidence;
	private final CaseDeadlines deadlines;

	CaseDecisions(JdbcClient jdbc, Clock clock, AuditCases cases, CaseEvidence evidence, CaseDeadlines deadlines) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cases = cases;
		this.evidence = evidence;
		this.deadlines = deadlines;
	}

	/** The filing decision as the form gives it: refused when none was chosen. */
	@Transactional
	public void decideFiling(long caseId, FilingDecision decision, String mergeInto, String dismissReason, Actor by) {
		if (decision == null) {
			throw Refused.because("cases.filing.choose");
		}
		switch (decision) {
			case ACCEPT -> accept(caseId, by);
			case MERGE -> merge(caseId, mergeInto, by);
			case DISMISS -> dismiss(caseId, dismissReason, by);
		}
	}

	@Transactional
	public void accept(long caseId, Actor by) {
		AuditCase c = triage(caseId);
		keep(caseId, "FILING", "ACCEPT", "", null, null, by);
		deadlines.met(caseId, CaseDeadlines.Kind.FILING);
		cases.changeStatus(caseId, CaseStatus.ACCEPTED, by, "CASE_FILED", "同意立案，案号 " + c.number());
	}

	@Transactional
	public void dismiss(long caseId, String reason, Actor by) {
		triage(caseId);
		if (reason == null || reason.isBlank()) {
			throw Refused.because("cases.filing.dismiss-reason");
		}
		keep(caseId, "FILING", "DISMISS", reason.strip(), null, null, by);
		deadlines.met(caseId, CaseDeadlines.Kind.FILING);
		cases.changeStatus(caseId, CaseStatus.DISMISSED, by, "CASE_DISMISSED", "不予立案。理由：" + reason.strip());
	}

	/** Merges the case into an open case of the same subject: its evidence and money move there. */
	@Transactional
	public AuditCase merge(long caseId, String intoNumber, Actor by) {
		AuditCase c = triage(caseId);
		AuditCase into = cases.findByNumber(intoNumber == null ? "" : intoNumber.trim())
			.orElseThrow(() -> Refused.because("cases.filing.merge-target-missing", intoNumber == null ? "" : intoNumber.trim()));
		boolean candidate = cases.openCasesOf(c.subjectType(), c.subjectKey())
			.stream()
			.anyMatch(o -> o.id() == into.id() && o.id() != c.id());
		if (!candidate) {
			throw Refused.because("cases.filing.merge-other-subject", c.subjectName());
		}
		keep(caseId, "FILING", "MERGE", into.number(), null, null, by);
		deadlines.met(caseId, CaseDeadlines.Kind.FILING);
		int moved = evidence.copy(caseId, into.id(), by);
		if (c.amount().signum() > 0) {
			cases.addAmount(into.id(), c.amount(), by, "并入案件 " + c.number() + " 的涉及金额");
		}
		cases.markMerged(caseId, into.id(), by, "证据 " + moved + " 项随案转入");
		return into;
	}

	/** The outcome after the findings; checked against the findings and the subject. */
	@Transactional
	public Decision decideOutcome(long caseId, Outcome outcome, String reason, LocalDate suspendFrom,
			LocalDate suspendUntil, Actor by) {
		if (outcome == null) {
			throw Refused.because("cases.outcome.choose");
		}
		AuditCase c = cases.find(caseId).orElseThrow();
		Findings f = cases.findings(caseId)
			.orElseThrow(() -> Refused.conflict("cases.outcome.no-findings"));
		if (!f.violation() && outcome != Outcome.CLOSE) {
			throw Refused.because("cases.outcome.close-only");
		}
		if (outcome == Outcome.SUSPEND) {
			if (c.subjectType() != SubjectType.INSTITUTION) {
				throw Refused.because("cases.outcome.no-agreement");
			}
			if (suspendFrom == null || suspendUntil == null || suspendUntil.isBefore(suspendFrom)) {
				throw Refused.because("cases.outcome.suspension-dates");
			}
		}
		String why = reason == null ? "" : reason.strip();
		keep(caseId, "OUTCOME", outcome.name(), why, outcome == Outcome.SUSPEND ? suspendFrom : null,
				outcome == Outcome.SUSPEND ? suspendUntil : null, by);
		String detail = "处理决定：" + outcome.label()
				+ (outcome == Outcome.SUSPEND ? "（" + suspendFrom + " 至 " + suspendUntil + "）" : "")
				+ (why.isEmpty() ? "" : "。理由：" + why);
		cases.changeStatus(caseId, c.status(), by, "OUTCOME_DECIDED", detail);
		return latest(caseId, "OUTCOME").orElseThrow();
	}

	public Optional<Decision> latest(long caseId, String kind) {
		return jdbc.sql("select case_id, kind, decision, reason, suspend_from, suspend_until, decided_by, decided_at "
				+ "from case_decision where case_id = ? and kind = ? order by id desc fetch first 1 rows only")
			.params(caseId, kind)
			.query((rs, n) -> new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class)))
			.optional();
	}

	private AuditCase triage(long caseId) {
		AuditCase c = cases.find(caseId).orElseThrow(() -> Refused.notFound("cases.case.not-found", caseId));
		if (c.status() != CaseStatus.TRIAGE) {
			throw Refused.conflict("cases.filing.not-in-triage", c.number());
		}
		return c;
	}

	private void keep(long caseId, String kind, String decision, String reason, LocalDate from, LocalDate until, Actor by) {
		jdbc.sql("insert into case_decision (case_id, kind, decision, reason, suspend_from, suspend_until, decided_by, "
				+ "decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(caseId, kind, decision, reason, from, until, by.userId(),
					OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS))
			.update();
	}
}
