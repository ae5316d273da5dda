package org.fundguard.inspections;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;

import org.fundguard.calendar.CalendarChanged;
import org.fundguard.calendar.DateOutsideCalendar;
import org.fundguard.calendar.DeadlineRecomputations;
import org.fundguard.calendar.Deadlines;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The working calendar changed: each recorded inspection result still waiting to be published within its working days
 * is given its publication deadline again, counted from when it was recorded (the process's due date and timer read
 * it, and follow). A passed deadline stays as it was; each move is recorded.
 */
@Component
class PublicationDeadlinesFollowCalendar {

	private final JdbcClient jdbc;
	private final Deadlines deadlines;
	private final InspectionsProperties properties;
	private final DeadlineRecomputations recomputations;
	private final Clock clock;

	PublicationDeadlinesFollowCalendar(JdbcClient jdbc, Deadlines deadlines, InspectionsProperties properties,
			DeadlineRecomputations recomputations, Clock clock) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.properties = properties;
		this.recomputations = recomputations;
		this.clock = clock;
	}

	private record Running(long id, long planId, OffsetDateTime recordedAt, OffsetDateTime due) {
	}

	@EventListener
	void calendarChanged(CalendarChanged change) {
		var running = jdbc.sql("select id, plan_id, recorded_at, publication_due from inspection where status = 'RECORDED' "
				+ "and publication_due > ? order by id")
			.param(OffsetDateTime.now(clock))
			.query((rs, n) -> new Running(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
		for (Running r : running) {
			Date old = Date.from(r.due().toInstant());
			Date now;
			try {
				now = deadlines.afterWorkingDays(r.recordedAt(), properties.resultPublicationWorkingDays());
			}
			catch (DateOutsideCalendar beyond) {
				continue;
			}
			if (!now.equals(old)) {
				jdbc.sql("update inspection set publication_due = ? where id = ?")
					.params(now.toInstant().atZone(Deadlines.BUREAU_ZONE).toOffsetDateTime(), r.id())
					.update();
				recomputations.record(change, "抽查计划 " + r.planId() + " 检查 " + r.id(), "结果公示期限", old, now);
			}
		}
	}
}
