package org.fundguard.focus;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The table focused_inspection. Every step's update names the status it expects, so that a second completion (a
 * retried request, Tasklist and the page at once) changes nothing and the caller can tell.
 */
@Repository
class FocusStore {

	private final JdbcClient jdbc;

	FocusStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The new id, or empty when the lead already has its focused inspection (the unique lead_id). */
	Optional<Long> create(String leadId, String region, String type, List<String> rules, LocalDate from, LocalDate to,
			String by, OffsetDateTime at) {
		var keys = new GeneratedKeyHolder();
		// "on conflict" is PostgreSQL's alone and H2 (the default installation) refuses it; "where not exists" reads the
		// same on both, and the unique lead_id still refuses the rare second opening that races past it
		int rows = jdbc.sql("""
				insert into focused_inspection (lead_id, region, insurance_type, rule_ids, window_from, window_to, status,
				opened_by, opened_at) select ?, ?, ?, ?, ?, ?, ?, ?, ?
				where not exists (select 1 from focused_inspection where lead_id = ?)""")
			.params(leadId, region, type, String.join(",", rules), from, to, FocusStatus.ANALYSING.name(), by, at, leadId)
			.update(keys, "id");
		return rows == 1 ? Optional.of(keys.getKey().longValue()) : Optional.empty();
	}

	void attachProcess(long id, String processInstanceId) {
		jdbc.sql("update focused_inspection set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
	}

	Optional<FocusedInspection> find(long id) {
		return jdbc.sql("select * from focused_inspection where id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	Optional<FocusedInspection> ofLead(String leadId) {
		return jdbc.sql("select * from focused_inspection where lead_id = ?").param(leadId).query((rs, n) -> row(rs)).optional();
	}

	Optional<FocusedInspection> ofPlan(long planId) {
		return jdbc.sql("select * from focused_inspection where plan_id = ?").param(planId).query((rs, n) -> row(rs)).optional();
	}

	List<FocusedInspection> all() {
		return jdbc.sql("select * from focused_inspection order by opened_at desc, id desc").query((rs, n) -> row(rs)).list();
	}

	boolean analysed(long id, String findings, String by, OffsetDateTime at) {
		return step(id, FocusStatus.ANALYSING, FocusStatus.PLANNING,
				"findings = ?, analysed_by = ?, analysed_at = ?", findings, by, at);
	}

	boolean planned(long id, long planId, String by, OffsetDateTime at) {
		return step(id, FocusStatus.PLANNING, FocusStatus.INSPECTING, "plan_id = ?, planned_by = ?, planned_at = ?", planId, by, at);
	}

	boolean proceeded(long id, String note, String by, OffsetDateTime at) {
		return step(id, FocusStatus.INSPECTING, FocusStatus.ASSESSING, "proceed_note = ?, proceeded_by = ?, proceeded_at = ?",
				note, by, at);
	}

	boolean assessed(long id, RiskLevel level, String causes, String by, OffsetDateTime at) {
		return step(id, FocusStatus.ASSESSING, FocusStatus.RESOLVING, "risk_level = ?, causes = ?, assessed_by = ?, assessed_at = ?",
				level.name(), causes, by, at);
	}

	boolean resolved(long id, String measures, OffsetDateTime due, String by, OffsetDateTime at) {
		return step(id, FocusStatus.RESOLVING, FocusStatus.SIGNING_OFF,
				"measures = ?, measures_due = ?, resolved_by = ?, resolved_at = ?", measures, due, by, at);
	}

	boolean approved(long id, String opinion, String by, OffsetDateTime at) {
		return step(id, FocusStatus.SIGNING_OFF, FocusStatus.CONCLUDED,
				"sign_off_opinion = ?, signed_off_by = ?, signed_off_at = ?", opinion, by, at);
	}

	boolean returned(long id, String opinion, String by, OffsetDateTime at) {
		return step(id, FocusStatus.SIGNING_OFF, FocusStatus.RESOLVING,
				"sign_off_opinion = ?, signed_off_by = ?, signed_off_at = ?, returns = returns + 1", opinion, by, at);
	}

	private boolean step(long id, FocusStatus from, FocusStatus to, String set, Object... values) {
		Object[] params = new Object[values.length + 3];
		params[0] = to.name();
		System.arraycopy(values, 0, params, 1, values.length);
		params[values.length + 1] = id;
		params[values.length + 2] = from.name();
		return jdbc.sql("update focused_inspection set status = ?, " + set + " where id = ? and status = ?").params(params)
			.update() == 1;
	}

	private static FocusedInspection row(ResultSet rs) throws SQLException {
		String level = rs.getString("risk_level");
		return new FocusedInspection(rs.getLong("id"), rs.getString("lead_id"), rs.getString("region"),
				rs.getString("insurance_type"), split(rs.getString("rule_ids")), rs.getObject("window_from", LocalDate.class),
				rs.getObject("window_to", LocalDate.class), FocusStatus.valueOf(rs.getString("status")),
				rs.getString("process_instance_id"), rs.getString("opened_by"), rs.getObject("opened_at", OffsetDateTime.class),
				rs.getString("findings"), rs.getString("analysed_by"), planOrNull(rs),
				rs.getString("proceed_note"), level == null ? null : RiskLevel.valueOf(level), rs.getString("causes"),
				rs.getString("measures"), rs.getObject("measures_due", OffsetDateTime.class), rs.getString("sign_off_opinion"),
				rs.getString("signed_off_by"), rs.getObject("signed_off_at", OffsetDateTime.class), rs.getInt("returns"));
	}

	private static Long planOrNull(ResultSet rs) throws SQLException {
		long plan = rs.getLong("plan_id");
		return rs.wasNull() ? null : plan;
	}

	private static List<String> split(String joined) {
		return joined == null || joined.isBlank() ? List.of()
				: Arrays.stream(joined.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
