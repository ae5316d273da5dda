package org.fundguard.cases;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.fundguard.identity.Jurisdiction;
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
		changeStatus(id, status, actor, action, detail, List.of());
	}

	/** Moves the case to a new status and records the step with the hashes of the documents it rests on. */
	@Transactional
	public void changeStatus(long id, CaseStatus status, Actor actor, String action, String detail,
			List<String> documentHashes) {
		jdbc.sql("update audit_case set status = ? where id = ?").params(status.name(), id).update();
		record.append(id, actor, action, detail + "（状态：" + status.label() + "）", documentHashes);
	}

	/** Marks the case as merged into another open case of the same subject (并案) and records it on both. */
	@Transactional
	public void markMerged(long id, long intoId, Actor actor, String detail) {
		AuditCase into = find(intoId).orElseThrow();
		AuditCase merged = find(id).orElseThrow();
		jdbc.sql("update audit_case set status = ?, merged_into = ? where id = ?")
			.params(CaseStatus.MERGED.name(), intoId, id)
			.update();
		record.append(id, actor, "CASE_MERGED", "并入案件 " + into.number() + "。" + detail + "（状态：" + CaseStatus.MERGED.label() + "）");
		record.append(intoId, actor, "CASE_MERGED_IN", "案件 " + merged.number() + " 并入本案。" + detail);
	}

	/** Adds money found later (a merged lead, a recomputed loss) and records it. */
	@Transactional
	public void addAmount(long id, BigDecimal amount, Actor actor, String detail) {
		jdbc.sql("update audit_case set amount = amount + ? where id = ?").params(amount, id).update();
		record.append(id, actor, "AMOUNT_ADDED", detail + "（增加 " + amount.toPlainString() + " 元）");
	}

	/**
	 * Records the investigation's findings (replacing earlier ones of the same case, which stay in the enforcement
	 * record) with the hashes of the documents they rest on, and moves the case to {@link CaseStatus#FINDINGS}.
	 */
	@Transactional
	public Findings recordFindings(Findings f, Actor actor, List<String> documentHashes) {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
		jdbc.sql("delete from audit_case_findings where case_id = ?").param(f.caseId()).update();
		jdbc.sql("insert into audit_case_findings (case_id, violation, amount_to_recover, articles, intent, summary, "
				+ "recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(f.caseId(), f.violation(), f.amountToRecover(), String.join(",", f.articles()),
					f.intent() == null ? null : f.intent().name(), f.summary(), actor.userId(), now)
			.update();
		String what = f.violation()
				? "认定违规：违反《医疗保障基金使用监督管理条例》第 " + String.join("、", f.articles()) + " 条，"
						+ f.intent().label() + "，应追回 " + f.amountToRecover().toPlainString() + " 元。" + f.summary()
				: "认定未发现违规。" + f.summary();
		jdbc.sql("update audit_case set status = ? where id = ?").params(CaseStatus.FINDINGS.name(), f.caseId()).update();
		record.append(f.caseId(), actor, "FINDINGS_RECORDED", what, documentHashes);
		return findings(f.caseId()).orElseThrow();
	}

	public Optional<Findings> findings(long caseId) {
		return jdbc.sql("select case_id, violation, amount_to_recover, articles, intent, summary, recorded_by, recorded_at "
				+ "from audit_case_findings where case_id = ?")
			.param(caseId)
			.query((rs, n) -> new Findings(rs.getLong(1), rs.getBoolean(2), rs.getBigDecimal(3),
					rs.getString(4) == null || rs.getString(4).isEmpty() ? List.of() : List.of(rs.getString(4).split(",")),
					rs.getString(5) == null ? null : Intent.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
					rs.getObject(8, OffsetDateTime.class)))
			.optional();
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
