package org.fundguard.reports;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.reports.ReportMessage.Author;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The two-way conversation of a report: the reporter writes with the receipt code, handlers from their pages. */
@Service
public class ReportMessages {

	public static final int MAX_LENGTH = 2000;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ReportSealing sealing;
	private final ApplicationEventPublisher events;

	ReportMessages(JdbcClient jdbc, Clock clock, ReportSealing sealing, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.sealing = sealing;
		this.events = events;
	}

	@Transactional
	public void fromReporter(long reportId, String body) {
		long id = add(reportId, Author.REPORTER, null, body);
		// a report is numbered when its process starts; the portal may take a message before that
		String number = jdbc.sql("select report_number from report where id = ?").param(reportId)
			.query((rs, n) -> rs.getString(1)).list().stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
		events.publishEvent(new ReporterWrote(reportId, number, id));
	}

	@Transactional
	void fromHandler(long reportId, String handlerId, String body) {
		add(reportId, Author.HANDLER, handlerId, body);
	}

	/** Oldest first. */
	public List<ReportMessage> of(long reportId) {
		return jdbc.sql("select id, author, handler_id, body, created_at, sealed_body from report_message where report_id = ? order by id")
			.param(reportId)
			.query((rs, n) -> new ReportMessage(rs.getLong(1), Author.valueOf(rs.getString(2)), rs.getString(3),
					rs.getBytes(6) != null
							? sealing.openMessage(reportId, rs.getLong(1), Author.valueOf(rs.getString(2)), rs.getBytes(6))
							: rs.getString(4),
					rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	private long add(long reportId, Author author, String handlerId, String body) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw Refused.because("reports.message.empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw Refused.because("reports.message.too-long", MAX_LENGTH);
		}
		// the row first, then its sealed body, which is bound to the row's id (portable: PostgreSQL and H2)
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into report_message (report_id, author, handler_id, created_at) values (?, ?, ?, ?)")
			.params(reportId, author.name(), handlerId, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("update report_message set sealed_body = ? where id = ?")
			.params(sealing.sealMessage(reportId, id, author, text), id)
			.update();
		return id;
	}
}
