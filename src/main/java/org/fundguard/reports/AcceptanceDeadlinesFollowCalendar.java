package org.fundguard.reports;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.calendar.CalendarChanged;
import org.fundguard.calendar.DateOutsideCalendar;
import org.fundguard.calendar.DeadlineRecomputations;
import org.fundguard.calendar.Deadlines;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The working calendar changed: each acceptance deadline still running (a report awaiting its acceptance decision) is
 * counted again from receipt. The report row and the process's {@code acceptanceDue}, which the task's due date and
 * the overdue timer read, both take the new date, and the move is recorded. A passed deadline stays as it was.
 */
@Component
class AcceptanceDeadlinesFollowCalendar {

	private final JdbcClient jdbc;
	private final ReportDeadlines deadlines;
	private final RuntimeService runtime;
	private final DeadlineRecomputations recomputations;
	private final Clock clock;

	AcceptanceDeadlinesFollowCalendar(JdbcClient jdbc, ReportDeadlines deadlines, RuntimeService runtime,
			DeadlineRecomputations recomputations, Clock clock) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.runtime = runtime;
		this.recomputations = recomputations;
		this.clock = clock;
	}

	private record Running(long id, String number, OffsetDateTime due) {
	}

	@EventListener
	void calendarChanged(CalendarChanged change) {
		var running = jdbc.sql("select id, report_number, acceptance_due from report where status = ? and decided_at is null "
				+ "and acceptance_due > ? order by id")
			.params(ReportStatus.RECEIVED.name(), OffsetDateTime.now(clock))
			.query((rs, n) -> new Running(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
			.list();
		for (Running r : running) {
			Date old = Date.from(r.due().toInstant());
			Date now;
			try {
				now = deadlines.acceptance(r.id());
			}
			catch (DateOutsideCalendar beyond) {
				continue;
			}
			if (now.equals(old)) {
				continue;
			}
			jdbc.sql("update report set acceptance_due = ? where id = ?")
				.params(now.toInstant().atZone(Deadlines.BUREAU_ZONE).toOffsetDateTime(), r.id())
				.update();
			runtime.createProcessInstanceQuery().processDefinitionKey(ReportVariables.KEY)
				.variableValueEquals(ReportVariables.REPORT_ID, r.id()).list()
				.forEach(p -> runtime.setVariable(p.getId(), ReportVariables.ACCEPTANCE_DUE, now));
			recomputations.record(change, "举报 " + r.number(), "受理期限", old, now);
		}
	}
}
