package org.fundguard.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.fundguard.rules.RunRecord.RuleResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rule runs and their per-rule results in the database. */
@Repository
class RuleRuns {

	private final JdbcClient jdbc;
	private final Clock clock;

	RuleRuns(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void start(String id, String who, String trigger, String ruleFilter, String regions, Window window) {
		jdbc.sql("""
				insert into rule_run (id, requested_by, triggered_by, rule_filter, regions, window_from, window_to, status, started_at)
				values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?)""")
			.params(id, who, trigger, ruleFilter, regions, window.from(), window.to(), OffsetDateTime.now(clock))
			.update();
	}

	void result(String runId, RuleResult r) {
		jdbc.sql("""
				insert into rule_run_result (run_id, rule_id, rule_version, parameters, status, hits, suppressed, took_ms,
				es_took_ms, es_wait_ms, es_requests, message) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(runId, r.ruleId(), r.ruleVersion(), r.parameters(), r.status(), r.hits(), r.suppressed(), r.tookMs(),
					r.esTookMs(), r.esWaitMs(), r.esRequests(), truncate(r.message()))
			.update();
	}

	void finish(String id, String status, String message, long hits, long suppressed, long leads) {
		jdbc.sql("update rule_run set status = ?, message = ?, finished_at = ?, hits = ?, suppressed = ?, leads = ? where id = ?")
			.params(status, truncate(message), OffsetDateTime.now(clock), hits, suppressed, leads, id)
			.update();
	}

	List<RunRecord> latest(int limit) {
		return jdbc.sql("select * from rule_run order by started_at desc fetch first " + limit + " rows only")
			.query((rs, n) -> record(rs))
			.list();
	}

	Optional<RunRecord> find(String id) {
		return jdbc.sql("select * from rule_run where id = ?").param(id).query((rs, n) -> record(rs)).optional();
	}

	/** The latest result of each rule, for the catalogue. */
	Optional<RuleResult> lastResult(String ruleId) {
		return jdbc.sql("""
				select r.* from rule_run_result r join rule_run u on u.id = r.run_id where r.rule_id = ?
				order by u.started_at desc fetch first 1 rows only""")
			.param(ruleId)
			.query((rs, n) -> result(rs))
			.optional();
	}

	Optional<OffsetDateTime> lastRunAt(String ruleId) {
		return jdbc.sql("""
				select max(u.started_at) from rule_run_result r join rule_run u on u.id = r.run_id where r.rule_id = ?""")
			.param(ruleId)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.optional();
	}

	private RunRecord record(ResultSet rs) throws SQLException {
		String id = rs.getString("id");
		List<RuleResult> results = jdbc.sql("select * from rule_run_result where run_id = ? order by rule_id")
			.param(id)
			.query((r, n) -> result(r))
			.list();
		return new RunRecord(id, rs.getString("requested_by"), rs.getString("triggered_by"), rs.getString("rule_filter"),
				rs.getString("regions"), rs.getObject("window_from", LocalDate.class), rs.getObject("window_to", LocalDate.class),
				rs.getString("status"), rs.getString("message"), rs.getObject("started_at", OffsetDateTime.class),
				rs.getObject("finished_at", OffsetDateTime.class), rs.getLong("hits"), rs.getLong("suppressed"),
				rs.getLong("leads"), results);
	}

	private static RuleResult result(ResultSet rs) throws SQLException {
		return new RuleResult(rs.getString("rule_id"), rs.getInt("rule_version"), rs.getString("parameters"),
				rs.getString("status"), rs.getLong("hits"), rs.getLong("suppressed"), rs.getLong("took_ms"),
				rs.getLong("es_took_ms"), rs.getLong("es_wait_ms"), rs.getInt("es_requests"), rs.getString("message"));
	}

	private static String truncate(String s) {
		return s == null || s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
	}
}
