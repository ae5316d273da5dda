package org.fundguard.penalties;

import java.util.Date;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.calendar.Deadlines;
import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.record.RecordEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The procedure's periods before the decision: the 90-day decision deadline with its extension and the overdue mark,
 * the statement-and-defence period and the legal review's. The process's timers and due dates ask here by the
 * procedure's id, so a deadline moved by an extension is the one the next timer waits for.
 */
@Service
public class PenaltyDeadlines {

	private final JdbcClient jdbc;
	private final Penalties penalties;
	private final EnforcementRecord record;
	private final PenaltiesProperties config;
	private final Deadlines deadlines;
	private final RuntimeService runtime;

	PenaltyDeadlines(JdbcClient jdbc, Penalties penalties, EnforcementRecord record, PenaltiesProperties config,
			Deadlines deadlines, RuntimeService runtime) {
		this.jdbc = jdbc;
		this.penalties = penalties;
		this.record = record;
		this.config = config;
		this.deadlines = deadlines;
		this.runtime = runtime;
	}

	/** The decision deadline in force: 90 days from filing, moved by an approved extension. */
	public Date decisionDeadline(long id) {
		PenaltyCase p = penalties.get(id);
		if (p.decisionDeadline() == null) {
			throw new IllegalStateException("penalty " + id + " is not filed, so has no decision deadline");
		}
		return Date.from(p.decisionDeadline().toInstant());
	}

	/** Whether the decision deadline in force has passed without an extension (marked when its timer fired). */
	public boolean overdue(long id) {
		return penalties.get(id).overdue();
	}

	/** The end of the statement-and-defence period: {@code defence-days} after the notice was served. */
	public Date defenceEnds(long id) {
		PenaltyCase p = penalties.get(id);
		if (p.notice().servedAt() == null) {
			throw new IllegalStateException("the notice of penalty " + id + " is not served");
		}
		return deadlines.afterDays(p.notice().servedAt(), config.periods().defenceDays());
	}

	/**
	 * The end of the legal review: {@code legal-review-working-days} working days after it was requested (every round
	 * of the review has the same end).
	 */
	public Date reviewDue(long id) {
		PenaltyCase p = penalties.get(id);
		RecordEntry requested = record.entries(p.caseId()).stream()
			.filter(e -> "LEGAL_REVIEW_REQUESTED".equals(e.action()))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new IllegalStateException("no legal review was requested for penalty " + id));
		return deadlines.afterWorkingDays(requested.recordedAt(), config.periods().legalReviewWorkingDays());
	}

	/**
	 * Someone asks the director for more time: recorded, and the procedure's deadline watch offers the director the
	 * decision. Refused while the procedure is not waiting for a request (one is before the director, or the decision
	 * has been made).
	 */
	@Transactional
	public void requestExtension(long id, String reason, Actor inspector) {
		PenaltyCase p = penalties.get(id);
		record.append(p.caseId(), inspector, "EXTENSION_REQUESTED", "申请延长办案期限：" + PenaltyProcedure.text(reason));
		try {
			runtime.createMessageCorrelation(PenaltyVariables.MESSAGE_EXTENSION_REQUESTED)
				.processInstanceVariableEquals(PenaltyVariables.PENALTY_ID, id)
				.correlate();
		}
		catch (MismatchingMessageCorrelationException e) {
			throw Refused.conflict("penalties.extension.not-now");
		}
	}

	/**
	 * The director's decision on an extension. One extension of the configured days is the director's to approve;
	 * any further one only by collective decision. Returns the deadline in force afterwards.
	 */
	@Transactional
	public Date decideExtension(long id, boolean approved, String reason, boolean collectiveDecision, Actor director) {
		PenaltyCase p = penalties.get(id);
		Date current = Date.from(p.decisionDeadline().toInstant());
		if (!approved) {
			record.append(p.caseId(), director, "EXTENSION_REFUSED", "负责人不批准延长办案期限：" + PenaltyProcedure.text(reason));
			return current;
		}
		if (p.extendedDays() > 0 && !collectiveDecision) {
			throw Refused.because("penalties.extension.second-needs-collective");
		}
		int days = config.periods().extensionDays();
		Date extended = deadlines.afterDays(deadlines.lastDayOf(current), days);
		boolean stillOverdue = deadlines.isOverdue(extended);
		jdbc.sql("update penalty_case set decision_deadline = ?, extended_days = extended_days + ?, overdue = ? where id = ?")
			.params(PenaltyProcedure.at(extended), days, stillOverdue, id)
			.update();
		record.append(p.caseId(), director, "DEADLINE_EXTENDED", (collectiveDecision ? "经集体讨论决定" : "经负责人批准")
				+ "延长办案期限 " + days + " 日，至 " + deadlines.lastDayOf(extended) + "：" + PenaltyProcedure.text(reason));
		return extended;
	}

	/** The deadline timer fired: marks the procedure overdue if the deadline in force has passed. */
	@Transactional
	public boolean markOverdue(long id) {
		PenaltyCase p = penalties.get(id);
		if (!deadlines.isOverdue(p.decisionDeadline())) {
			return false;
		}
		jdbc.sql("update penalty_case set overdue = true where id = ?").param(id).update();
		record.append(p.caseId(), Actor.SYSTEM, "DEADLINE_OVERDUE", "办案期限（至 " + deadlines.lastDayOf(p.decisionDeadline())
				+ "）已届满，尚未作出处罚决定，提请负责人决定是否延期");
		return true;
	}
}
