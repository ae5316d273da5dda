package org.fundguard.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.fundguard.identity.Jurisdiction;
import org.fundguard.calendar.Deadlines;
import org.fundguard.documents.DocumentType;
import org.fundguard.documents.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports themselves: taking one in, finding it by receipt code or number, listing them. A report is
 * acknowledged only after its row, identity and evidence have committed; its handling process is started after
 * that by {@link ReportProcessStarter}, so a submission never waits for the process engine and none is lost
 * when the engine is busy.
 */
@Service
public class Reports {

	static final String COLUMNS = """
			id, report_number, subject_kind, subject_key, subject_name, category, description, happened, amount,
			anonymous, wants_reward, status, received_at, acceptance_due, overdue, decided_at, decline_reason, case_id,
			merged, case_notice, case_notice_at, verified, facts_new, verified_loss, conclusion, concluded_at,
			reward_amount, reward_note, claim_due, reward_claimed_at, reward_paid_at, closed_at, process_started""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ReceiptCodes codes;
	private final Jurisdiction jurisdiction;
	private final ReportSealing sealing;
	/** When the last report came in ({@link System#nanoTime()}), for {@link ReportProcessStarter}'s pacing. */
	private final AtomicLong lastSubmitted = new AtomicLong(System.nanoTime() - TimeUnit.DAYS.toNanos(1));

	Reports(JdbcClient jdbc, Clock clock, ReceiptCodes codes, Jurisdiction jurisdiction, ReportSealing sealing) {
		this.sealing = sealing;
		this.jdbc = jdbc;
		this.clock = clock;
		this.codes = codes;
		this.jurisdiction = jurisdiction;
	}

	/** Stores the report and returns its receipt code, which exists nowhere else from now on. */
	@Transactional
	public Receipt submit(NewReport r) {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
		String code = codes.generate();
		String hash = codes.hash(code);
		var key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into report (receipt_hash, subject_kind, subject_key, subject_name, category, description,
				happened, amount, anonymous, wants_reward, status, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(hash, r.subjectKind().name(), r.subjectKey(), r.subjectName(), r.category().name(),
					r.description(), r.happened(), r.amount(), r.anonymous(), r.wantsReward(),
					ReportStatus.RECEIVED.name(), now)
			.update(key, "id");
		long id = key.getKeyAs(Number.class) == null ? idOfHash(hash) : key.getKeyAs(Number.class).longValue();
		int year = now.atZoneSameInstant(Deadlines.BUREAU_ZONE).getYear();
		String number = "JB" + jurisdiction.bureauRegionCode() + "-" + year + "-" + String.format("%06d", id);
		jdbc.sql("update report set report_number = ? where id = ?").params(number, id).update();
		if (r.identity() != null) {
			ReporterIdentity who = r.identity();
			jdbc.sql("insert into report_identity (report_id, reporter_kind, sealed) values (?, ?, ?)")
				.params(id, who.kind().name(), sealing.sealIdentity(id, who))
				.update();
		}
		int seq = 0;
		for (Evidence e : r.evidence()) {
			seq++;
			jdbc.sql("""
					insert into report_evidence (report_id, seq, file_name, doc_type, size_bytes, sha256, content, sealed)
					values (?, ?, ?, ?, ?, ?, ?, true)""")
				.params(id, seq, e.fileName(), e.type().name(), e.content().length, Sha256.hex(e.content()),
						sealing.sealEvidence(id, seq, e.content()))
				.update();
		}
		lastSubmitted.set(System.nanoTime());
		return new Receipt(code, number);
	}

	/** Whether a report came in within the given time. */
	boolean submittedWithin(Duration time) {
		return System.nanoTime() - lastSubmitted.get() < time.toNanos();
	}

	/** The report a receipt code opens; empty for a wrong code (the caller counts the attempt). */
	public Optional<Report> findByCode(String typedCode) {
		return codes.normalize(typedCode)
			.flatMap(code -> jdbc.sql("select " + COLUMNS + " from report where receipt_hash = ?")
				.param(codes.hash(code))
				.query(Reports::row)
				.optional());
	}

	public Optional<Report> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from report where id = ?").param(id).query(Reports::row).optional();
	}

	Optional<Report> findByNumber(String number) {
		return jdbc.sql("select " + COLUMNS + " from report where report_number = ?")
			.param(number)
			.query(Reports::row)
			.optional();
	}

	/** Newest first. */
	List<Report> list(int limit) {
		return jdbc.sql("select " + COLUMNS + " from report order by id desc fetch first " + Math.max(1, limit) + " rows only")
			.query(Reports::row)
			.list();
	}

	long count() {
		return jdbc.sql("select count(*) from report").query(Long.class).single();
	}

	List<StoredEvidence> evidence(long reportId) {
		return jdbc.sql("select id, seq, file_name, doc_type, size_bytes, sha256 from report_evidence where report_id = ? order by seq")
			.param(reportId)
			.query((rs, n) -> new StoredEvidence(rs.getLong(1), rs.getInt(2), rs.getString(3),
					DocumentType.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6)))
			.list();
	}

	Optional<byte[]> evidenceContent(long reportId, long evidenceId) {
		return jdbc.sql("select content, sealed, seq from report_evidence where report_id = ? and id = ?")
			.params(reportId, evidenceId)
			.query((rs, n) -> rs.getBoolean(2) ? sealing.openEvidence(reportId, rs.getInt(3), rs.getBytes(1)) : rs.getBytes(1))
			.optional();
	}

	private long idOfHash(String hash) {
		return jdbc.sql("select id from report where receipt_hash = ?").param(hash).query(Long.class).single();
	}

	static Report row(ResultSet rs, int n) throws SQLException {
		Number caseId = (Number) rs.getObject("case_id");
		return new Report(rs.getLong("id"), rs.getString("report_number"), SubjectKind.valueOf(rs.getString("subject_kind")),
				rs.getString("subject_key"), rs.getString("subject_name"), ReportCategory.valueOf(rs.getString("category")),
				rs.getString("description"), rs.getString("happened"), rs.getBigDecimal("amount"),
				rs.getBoolean("anonymous"), rs.getBoolean("wants_reward"), ReportStatus.valueOf(rs.getString("status")),
				at(rs, "received_at"), at(rs, "acceptance_due"), rs.getBoolean("overdue"), at(rs, "decided_at"),
				rs.getString("decline_reason"), caseId == null ? null : caseId.longValue(), rs.getBoolean("merged"),
				rs.getString("case_notice"), at(rs, "case_notice_at"), bool(rs, "verified"), bool(rs, "facts_new"),
				rs.getBigDecimal("verified_loss"), rs.getString("conclusion"), at(rs, "concluded_at"),
				rs.getBigDecimal("reward_amount"), rs.getString("reward_note"), at(rs, "claim_due"),
				at(rs, "reward_claimed_at"), at(rs, "reward_paid_at"), at(rs, "closed_at"),
				rs.getBoolean("process_started"));
	}

	private static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class);
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

	/** @param number the bureau's number of the report; never shown to the reporter, who has only the code */
	public record Receipt(String code, String number) {
	}

	record StoredEvidence(long id, int seq, String fileName, DocumentType type, long size, String sha256) {
	}
}
