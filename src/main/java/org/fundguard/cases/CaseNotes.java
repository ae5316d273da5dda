package org.fundguard.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Working notes on a case (工作记录). A note is also a step of the enforcement record, so it cannot be edited away. */
@Service
public class CaseNotes {

	public record Note(long id, long caseId, String author, String body, OffsetDateTime writtenAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final EnforcementRecord record;

	CaseNotes(JdbcClient jdbc, Clock clock, EnforcementRecord record) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.record = record;
	}

	@Transactional
	public void add(long caseId, String body, Actor by) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() || text.length() > 4000) {
			throw Refused.because("cases.note.length");
		}
		jdbc.sql("insert into case_note (case_id, author, body, written_at) values (?, ?, ?, ?)")
			.params(caseId, by.userId(), text, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS))
			.update();
		record.append(caseId, by, "NOTE_ADDED", "备注：" + text);
	}

	public List<Note> of(long caseId) {
		return jdbc.sql("select id, case_id, author, body, written_at from case_note where case_id = ? order by id")
			.param(caseId)
			.query((rs, n) -> new Note(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class)))
			.list();
	}
}
