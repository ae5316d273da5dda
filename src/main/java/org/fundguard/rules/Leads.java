package org.fundguard.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Audit leads in the database. Until the audit-case process exists they are stored and listed (status OPEN). */
@Repository
public class Leads {

	private final JdbcClient jdbc;
	private final Clock clock;

	Leads(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void save(String id, String partyType, String partyKey, Window window, String runId, long signals, long suppressed,
			String rules, double money, double score) {
		jdbc.sql("delete from rule_lead where id = ?").param(id).update();
		jdbc.sql("""
				insert into rule_lead (id, party_type, party_key, window_from, window_to, run_id, signals, suppressed, rules,
				money, risk_score, status, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
			.params(id, partyType, partyKey, window.from(), window.to(), runId, signals, suppressed, rules,
					BigDecimal.valueOf(money).setScale(2, RoundingMode.HALF_UP), score, OffsetDateTime.now(clock))
			.update();
	}

	/** Leads of the window that this run's grouping no longer found (their signals are gone). */
	int deleteOthers(Window window, String runId) {
		return jdbc.sql("delete from rule_lead where window_from = ? and window_to = ? and run_id <> ?")
			.params(window.from(), window.to(), runId)
			.update();
	}

	public List<Lead> latest(int limit) {
		return jdbc.sql("select * from rule_lead order by risk_score desc, id fetch first " + limit + " rows only")
			.query((rs, n) -> lead(rs))
			.list();
	}

	public List<Lead> ofRun(String runId) {
		return jdbc.sql("select * from rule_lead where run_id = ? order by risk_score desc, id").param(runId).query((rs, n) -> lead(rs)).list();
	}

	public List<Lead> ofWindow(LocalDate from, LocalDate to) {
		return jdbc.sql("select * from rule_lead where window_from = ? and window_to = ? order by risk_score desc, id")
			.params(from, to)
			.query((rs, n) -> lead(rs))
			.list();
	}

	public Optional<Lead> find(String id) {
		return jdbc.sql("select * from rule_lead where id = ?").param(id).query((rs, n) -> lead(rs)).optional();
	}

	private static Lead lead(ResultSet rs) throws SQLException {
		return new Lead(rs.getString("id"), rs.getString("party_type"), rs.getString("party_key"),
				rs.getObject("window_from", LocalDate.class), rs.getObject("window_to", LocalDate.class), rs.getString("run_id"),
				rs.getLong("signals"), rs.getLong("suppressed"), rs.getString("rules"), rs.getBigDecimal("money"),
				rs.getDouble("risk_score"), rs.getString("status"), rs.getObject("updated_at", OffsetDateTime.class));
	}
}
