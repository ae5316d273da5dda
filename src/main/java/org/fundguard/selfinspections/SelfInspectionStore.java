package org.fundguard.selfinspections;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.fundguard.claims.ClaimsDirectory.Provider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables self_inspection and self_inspection_report; lists are stored joined (rules by commas, scope by ';'). */
@Repository
class SelfInspectionStore {

	private final JdbcClient jdbc;

	SelfInspectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long create(SelfInspectionDraft d, OffsetDateTime deadline, String by, OffsetDateTime now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into self_inspection (name, rule_ids, period_from, period_to, scope_regions, scope_types,
				scope_providers, deadline_days, deadline, status, launched_by, launched_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.name(), String.join(",", d.ruleIds()), d.from(), d.to(), String.join(";", d.regions()),
					String.join(";", d.providerTypes()), String.join(";", d.providerCodes()), d.deadlineWorkingDays(),
					deadline, SelfInspection.Status.OPEN.name(), by, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void addInstitution(long selfInspectionId, Provider provider) {
		jdbc.sql("""
				insert into self_inspection_report (self_inspection_id, provider_code, provider_name, status)
				values (?, ?, ?, ?)""")
			.params(selfInspectionId, provider.code(), provider.name() == null ? provider.code() : provider.name(),
					InstitutionReport.Status.AWAITING.name())
			.update();
	}

	void attachProcess(long id, String processInstanceId) {
		jdbc.sql("update self_inspection set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
	}

	Optional<SelfInspection> find(long id) {
		return jdbc.sql("select * from self_inspection where id = ?").param(id).query((rs, n) -> inspection(rs)).optional();
	}

	List<SelfInspection> all() {
		return jdbc.sql("select * from self_inspection order by launched_at desc, id desc").query((rs, n) -> inspection(rs)).list();
	}

	Optional<InstitutionReport> report(long reportId) {
		return jdbc.sql("select * from self_inspection_report where id = ?").param(reportId)
			.query((rs, n) -> report(rs)).optional();
	}

	List<InstitutionReport> reportsOf(long selfInspectionId) {
		return jdbc.sql("select * from self_inspection_report where self_inspection_id = ? order by provider_code")
			.param(selfInspectionId).query((rs, n) -> report(rs)).list();
	}

	List<InstitutionReport> reportsOfProvider(String providerCode) {
		return jdbc.sql("select * from self_inspection_report where provider_code = ? order by self_inspection_id desc")
			.param(providerCode).query((rs, n) -> report(rs)).list();
	}

	/** Only an awaited report changes: a second answer, or the timer after an answer, changes nothing. */
	boolean answer(long reportId, String found, List<String> hits, List<String> rules, BigDecimal refunded, String by,
			OffsetDateTime at) {
		return jdbc.sql("""
				update self_inspection_report set status = ?, found = ?, reported_hits = ?, reported_rules = ?, refunded = ?,
				reported_by = ?, reported_at = ? where id = ? and status = ?""")
			.params(InstitutionReport.Status.REPORTED.name(), found, String.join(",", hits), String.join(",", rules), refunded,
					by, at, reportId, InstitutionReport.Status.AWAITING.name())
			.update() == 1;
	}

	boolean markOverdue(long reportId) {
		return jdbc.sql("update self_inspection_report set status = ? where id = ? and status = ?")
			.params(InstitutionReport.Status.OVERDUE.name(), reportId, InstitutionReport.Status.AWAITING.name())
			.update() == 1;
	}

	boolean close(long id, String note, String by, OffsetDateTime at) {
		return jdbc.sql("""
				update self_inspection set status = ?, closing_note = ?, closed_by = ?, closed_at = ? where id = ? and status = ?""")
			.params(SelfInspection.Status.CLOSED.name(), note, by, at, id, SelfInspection.Status.OPEN.name())
			.update() == 1;
	}

	private static SelfInspection inspection(ResultSet rs) throws SQLException {
		return new SelfInspection(rs.getLong("id"), rs.getString("name"), split(rs.getString("rule_ids"), ","),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				split(rs.getString("scope_regions"), ";"), split(rs.getString("scope_types"), ";"),
				split(rs.getString("scope_providers"), ";"), rs.getInt("deadline_days"),
				rs.getObject("deadline", OffsetDateTime.class), SelfInspection.Status.valueOf(rs.getString("status")),
				rs.getString("process_instance_id"), rs.getString("launched_by"), rs.getObject("launched_at", OffsetDateTime.class), rs.getString("closed_by"),
				rs.getObject("closed_at", OffsetDateTime.class), rs.getString("closing_note"));
	}

	private static InstitutionReport report(ResultSet rs) throws SQLException {
		return new InstitutionReport(rs.getLong("id"), rs.getLong("self_inspection_id"), rs.getString("provider_code"),
				rs.getString("provider_name"), InstitutionReport.Status.valueOf(rs.getString("status")), rs.getString("found"),
				split(rs.getString("reported_hits"), ","), split(rs.getString("reported_rules"), ","),
				rs.getBigDecimal("refunded"), rs.getString("reported_by"), rs.getObject("reported_at", OffsetDateTime.class));
	}

	static List<String> split(String joined, String separator) {
		return joined == null || joined.isBlank() ? List.of()
				: Arrays.stream(joined.split(separator)).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
