package org.fundguard.cases;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.fundguard.Jurisdiction;
import org.fundguard.calendar.Deadlines;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case file's public face: open a case, find it, change its status. Every change is a step in the case's
 * enforcement record, in the same transaction.
 */
@Service
public class AuditCases {

	static final String COLUMNS = """
			id, case_number, subject_type, subject_key, subject_name, subject_region, source, source_ref, amount,
			summary, status, received_at, opened_at, opened_by, merged_into""";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final CaseNumbers numbers;
	private final Jurisdiction jurisdiction;
	private final EnforcementRecord record;
	private final ApplicationEventPublisher events;

	AuditCases(JdbcClient jdbc, Clock clock, CaseNumbers numbers, Jurisdiction jurisdiction, EnforcementRecord record,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.numbers = numbers;
		this.jurisdiction = jurisdiction;
		this.record = record;
		this.events = events;
	}

	/** Opens a case awaiting the director's filing decision (立案审查) and starts its process. */
	@Transactional
	public AuditCase open(NewCase c) {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
		int year = now.atZoneSameInstant(Deadlines.BUREAU_ZONE).getYear();
		String number = numbers.next(jurisdiction.bureauRegionCode(), year);
		jdbc.sql("""
				insert into audit_case (case_number, subject_type, subject_key, subject_name, subject_region, source,
				source_ref, amount, summary, status, received_at, opened_at, opened_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(number, c.subjectType().name(), c.subjectKey(), c.subjectName(), c.subjectRegion(),
					c.source().name(), c.sourceRef(), c.amount(), c.summary(), CaseStatus.TRIAGE.name(),
					c.receivedAt(), now, c.openedBy().userId())
			.update();
		long id = idOf(number);
		record.append(id, c.openedBy(), "CASE_OPENED", "登记案件 " + number + "（" + c.source().label() + "，"
				+ c.subjectType().label() + " " + c.subjectName() + "，涉及金额 " + c.amount().toPlainString() + " 元）");
		events.publishEvent(new AuditCaseOpened(id, number, c.source()));
		return find(id).orElseThrow();
	}

	public Optional<AuditCase> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from audit_case where id = ?").param(id).query(AuditCases::row).optional();
	}

	public Optional<AuditCase> findByNumber(String number) {
		return jdbc.sql("select " + COLUMNS + " from audit_case where case_number = ?")
			.param(number)
			.query(AuditCases::row)
			.optional();
	}

	/** Open cases of the same subject, oldest first: the candidates a new lead or report may be merged into. */
	public List<AuditCase> openCasesOf(SubjectType type, String subjectKey) {
		return jdbc.sql("select " + COLUMNS + " from audit_case where subject_type = ? and subject_key = ? order by id")
			.params(type.name(), subjectKey)
			.query(AuditCases::row)
			.list()
			.stream()
			.filter(c -> c.status().isOpen())
			.toList();
	}

	/** Moves the case to a new status and records the step. */
	@Transactional
	public void changeStatus(long id, CaseStatus status, Actor actor, String action, String detail) {
		jdbc.sql("update audit_case set status = ? where id = ?").params(status.name(), id).update();
		record.append(id, actor, action, detail + "（状态：" + status.label() + "）");
	}

	/** Adds money found later (a merged lead, a recomputed loss) and records it. */
	@Transactional
	public void addAmount(long id, BigDecimal amount, Actor actor, String detail) {
		jdbc.sql("update audit_case set amount = amount + ? where id = ?").params(amount, id).update();
		record.append(id, actor, "AMOUNT_ADDED", detail + "（增加 " + amount.toPlainString() + " 元）");
	}

	private long idOf(String number) {
		return jdbc.sql("select id from audit_case where case_number = ?").param(number).query(Long.class).single();
	}

	static AuditCase row(ResultSet rs, int n) throws SQLException {
		Number merged = (Number) rs.getObject("merged_into");
		return new AuditCase(rs.getLong("id"), rs.getString("case_number"), SubjectType.valueOf(rs.getString("subject_type")),
				rs.getString("subject_key"), rs.getString("subject_name"), rs.getString("subject_region"),
				CaseSource.valueOf(rs.getString("source")), rs.getString("source_ref"), rs.getBigDecimal("amount"),
				rs.getString("summary"), CaseStatus.valueOf(rs.getString("status")),
				rs.getObject("received_at", OffsetDateTime.class), rs.getObject("opened_at", OffsetDateTime.class),
				rs.getString("opened_by"), merged == null ? null : merged.longValue());
	}
}
