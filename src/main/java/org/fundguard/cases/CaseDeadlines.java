package org.fundguard.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.fundguard.calendar.CalendarChanged;
import org.fundguard.calendar.DateOutsideCalendar;
import org.fundguard.calendar.DeadlineRecomputations;
import org.fundguard.calendar.Deadlines;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's deadlines: set when the step starts, a reminder before, an escalation to the director when overdue, met
 * when the step is done. The process's due dates and timers ask here, by case id. Reminders and escalations are steps
 * of the enforcement record, taken by the system, each once.
 */
@Service
public class CaseDeadlines {

	public enum Kind {
		FILING("立案审查"), INVESTIGATION("调查终结");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Deadline(long caseId, Kind kind, OffsetDateTime dueAt, OffsetDateTime remindedAt,
			OffsetDateTime escalatedAt, OffsetDateTime metAt) {

		public boolean open() {
			return metAt == null;
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Deadlines deadlines;
	private final CasesProperties properties;
	private final EnforcementRecord record;
	private final AuditCases cases;
	private final DeadlineRecomputations recomputations;

	CaseDeadlines(JdbcClient jdbc, Clock clock, Deadlines deadlines, CasesProperties properties, EnforcementRecord record,
			AuditCases cases, DeadlineRecomputations recomputations) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.deadlines = deadlines;
		this.properties = properties;
		this.record = record;
		this.cases = cases;
		this.recomputations = recomputations;
	}

	/** The filing decision is due {@code filing-working-days} working days after the lead or report arrived. */
	@Transactional
	public Date fileBy(long caseId) {
		AuditCase c = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
		return set(caseId, Kind.FILING, deadlines.afterWorkingDays(c.receivedAt(), properties.filingWorkingDays()));
	}

	/** The investigation ends {@code investigation-days} days after filing (now). */
	@Transactional
	public Date investigateBy(long caseId) {
		return set(caseId, Kind.INVESTIGATION, deadlines.afterDays(OffsetDateTime.now(clock), properties.investigationDays()));
	}

	private Date set(long caseId, Kind kind, Date due) {
		jdbc.sql("delete from case_deadline where case_id = ? and kind = ?").params(caseId, kind.name()).update();
		jdbc.sql("insert into case_deadline (case_id, kind, due_at) values (?, ?, ?)")
			.params(caseId, kind.name(), OffsetDateTime.ofInstant(due.toInstant(), Deadlines.BUREAU_ZONE))
			.update();
		return due;
	}

	/**
	 * The working calendar changed: each filing deadline still running is counted again from the lead's arrival (the
	 * process's due date and timers read it here, and follow), and each one that moves is recorded in the calendar's
	 * change log and the case's enforcement record. A deadline already passed or met stays as it was.
	 */
	@EventListener
	@Transactional
	public void calendarChanged(CalendarChanged change) {
		for (Deadline d : running(Kind.FILING)) {
			Date old = Date.from(d.dueAt().toInstant());
			AuditCase c = cases.find(d.caseId()).orElseThrow();
			Date now;
			try {
				now = deadlines.afterWorkingDays(c.receivedAt(), properties.filingWorkingDays());
			}
			catch (DateOutsideCalendar beyond) {
				continue;
			}
			if (!now.equals(old)) {
				jdbc.sql("update case_deadline set due_at = ? where case_id = ? and kind = ?")
					.params(OffsetDateTime.ofInstant(now.toInstant(), Deadlines.BUREAU_ZONE), d.caseId(), Kind.FILING.name())
					.update();
				recomputations.record(change, "案件 " + c.number(), Kind.FILING.label() + "期限", old, now);
				record.append(d.caseId(), Actor.SYSTEM, "DEADLINE_RECOMPUTED", "工作日历变更，" + Kind.FILING.label()
						+ "期限由 " + deadlines.lastDayOf(old) + " 调整为 " + deadlines.lastDayText(now) + "（" + change.summary() + "）");
			}
		}
	}

	/** Deadlines of the kind neither met nor passed. */
	private List<Deadline> running(Kind kind) {
		return jdbc.sql("select case_id, kind, due_at, reminded_at, escalated_at, met_at from case_deadline "
				+ "where kind = ? and met_at is null and due_at > ? order by case_id")
			.params(kind.name(), now())
			.query((rs, n) -> new Deadline(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	/** When the deadline of that kind ends, as set when its step started. */
	public Date due(long caseId, Kind kind) {
		Deadline d = find(caseId, kind);
		if (d == null) {
			throw new IllegalStateException("case " + caseId + " has no " + kind + " deadline");
		}
		return Date.from(d.dueAt().toInstant());
	}

	/** When to remind of the deadline: {@code reminder-working-days} working days before it, at 09:00. */
	public Date reminderAt(long caseId, Kind kind) {
		return deadlines.reminderBefore(due(caseId, kind), properties.reminderWorkingDays());
	}

	/** Timer: the deadline is near. Reminds once, and not of a deadline met. */
	@Transactional
	public void remind(long caseId, Kind kind) {
		Deadline d = find(caseId, kind);
		if (d == null || !d.open() || d.remindedAt() != null) {
			return;
		}
		jdbc.sql("update case_deadline set reminded_at = ? where case_id = ? and kind = ?")
			.params(now(), caseId, kind.name())
			.update();
		record.append(caseId, Actor.SYSTEM, "DEADLINE_REMINDER", d.kind().label() + "期限提醒：将于 "
				+ lastDay(d) + " 届满，剩余 " + deadlines.workingDaysLeft(Date.from(d.dueAt().toInstant())) + " 个工作日");
	}

	/** Timer: the deadline passed with the step not done; the director is to act (督办). Escalates once. */
	@Transactional
	public void escalate(long caseId, Kind kind) {
		Deadline d = find(caseId, kind);
		if (d == null || !d.open() || d.escalatedAt() != null) {
			return;
		}
		jdbc.sql("update case_deadline set escalated_at = ? where case_id = ? and kind = ?")
			.params(now(), caseId, kind.name())
			.update();
		record.append(caseId, Actor.SYSTEM, "DEADLINE_ESCALATED", d.kind().label() + "已超期（期限 " + lastDay(d)
				+ "），已提请负责人督办");
	}

	/** The step the deadline was for is done. */
	@Transactional
	public void met(long caseId, Kind kind) {
		jdbc.sql("update case_deadline set met_at = ? where case_id = ? and kind = ? and met_at is null")
			.params(now(), caseId, kind.name())
			.update();
	}

	public List<Deadline> of(long caseId) {
		return jdbc.sql("select case_id, kind, due_at, reminded_at, escalated_at, met_at from case_deadline where case_id = ? order by due_at")
			.param(caseId)
			.query((rs, n) -> new Deadline(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	/** Open deadlines that were escalated: the director's supervision list (督办). */
	public List<Deadline> escalated() {
		return jdbc.sql("select case_id, kind, due_at, reminded_at, escalated_at, met_at from case_deadline "
				+ "where escalated_at is not null and met_at is null order by due_at")
			.query((rs, n) -> new Deadline(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	/** An escalated deadline with its case number, for the director's workbench. */
	public record Escalation(String caseNumber, Kind kind, OffsetDateTime dueAt, OffsetDateTime escalatedAt) {
	}

	public List<Escalation> escalations() {
		return jdbc.sql("select c.case_number, d.kind, d.due_at, d.escalated_at from case_deadline d join audit_case c "
				+ "on c.id = d.case_id where d.escalated_at is not null and d.met_at is null order by d.due_at")
			.query((rs, n) -> new Escalation(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
	}

	public Deadline find(long caseId, Kind kind) {
		return of(caseId).stream().filter(d -> d.kind() == kind).findFirst().orElse(null);
	}

	/** Working days left, for pages: 0 on the last day, negative when overdue. */
	public int workingDaysLeft(Deadline d) {
		return deadlines.workingDaysLeft(Date.from(d.dueAt().toInstant()));
	}

	private String lastDay(Deadline d) {
		return deadlines.lastDayText(Date.from(d.dueAt().toInstant()));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}
}
