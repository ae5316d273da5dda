package org.fundguard.appeals;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The issued_signal table. Every change of state is a conditional update ("where state = the one expected"), so that
 * two callers racing over one signal (the deadline timer and a late answer) cannot both move it: the loser changes
 * nothing and learns so.
 */
@Repository
class IssuedSignalStore {

	private final JdbcClient jdbc;

	IssuedSignalStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(IssuedSignal s) {
		jdbc.sql("""
				insert into issued_signal (id, lead_id, signal_id, evidence_key, provider_code, rule_id, amount,
				evidence_summary, issued_by, issued_at, deadline, state) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.id(), s.leadId(), s.signalId(), s.evidenceKey(), s.providerCode(), s.ruleId(), s.amount(),
					s.evidenceSummary(), s.issuedBy(), s.issuedAt(), s.deadline(), s.state().name())
			.update();
	}

	boolean issued(String leadId, String signalId) {
		return jdbc.sql("select count(*) from issued_signal where lead_id = ? and signal_id = ?")
			.params(leadId, signalId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<IssuedSignal> find(String id) {
		return jdbc.sql("select * from issued_signal where id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	List<IssuedSignal> ofLead(String leadId) {
		return jdbc.sql("select * from issued_signal where lead_id = ? order by amount desc, id")
			.param(leadId)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** An institution's issued signals, those still awaiting its answer first, then the latest. */
	List<IssuedSignal> ofProvider(String providerCode, int limit) {
		return jdbc.sql("""
				select * from issued_signal where provider_code = ?
				order by case when state = 'AWAITING' then 0 else 1 end, deadline, issued_at desc, id
				fetch first %d rows only""".formatted(limit))
			.param(providerCode)
			.query((rs, n) -> row(rs))
			.list();
	}

	boolean answered(String id, SignalState to, String answer, List<String> documentIds, String who, OffsetDateTime at,
			OffsetDateTime reviewDeadline) {
		return jdbc.sql("""
				update issued_signal set state = ?, answer = ?, document_ids = ?, answered_by = ?, answered_at = ?,
				review_deadline = ? where id = ? and state = 'AWAITING'""")
			.params(to.name(), answer, documentIds.isEmpty() ? null : String.join(",", documentIds), who, at, reviewDeadline, id)
			.update() == 1;
	}

	boolean deadlinePassed(String id, OffsetDateTime at) {
		return jdbc.sql("""
				update issued_signal set state = 'DEADLINE_PASSED', decided_by = 'system', decided_at = ?
				where id = ? and state = 'AWAITING'""")
			.params(at, id)
			.update() == 1;
	}

	boolean decided(String id, SignalState to, String reason, String who, OffsetDateTime at) {
		return jdbc.sql("""
				update issued_signal set state = ?, decision_reason = ?, decided_by = ?, decided_at = ?
				where id = ? and state = 'APPEALED'""")
			.params(to.name(), reason, who, at, id)
			.update() == 1;
	}

	void reminded(String id, OffsetDateTime at, String note) {
		jdbc.sql("update issued_signal set reminded_at = ?, reminder_note = ? where id = ?").params(at, note, id).update();
	}

	LeadReview review(String leadId) {
		List<IssuedSignal> all = ofLead(leadId);
		if (all.isEmpty()) {
			return LeadReview.none();
		}
		int awaiting = 0;
		int appealed = 0;
		int confirmed = 0;
		int voided = 0;
		BigDecimal money = BigDecimal.ZERO;
		for (IssuedSignal s : all) {
			switch (s.state()) {
				case AWAITING -> awaiting++;
				case APPEALED -> appealed++;
				case UPHELD -> voided++;
				default -> {
					confirmed++;
					money = money.add(s.amount());
				}
			}
		}
		return new LeadReview(all.size(), awaiting, appealed, confirmed, voided, money);
	}

	private static IssuedSignal row(ResultSet rs) throws SQLException {
		String docs = rs.getString("document_ids");
		return new IssuedSignal(rs.getString("id"), rs.getString("lead_id"), rs.getString("signal_id"),
				rs.getString("evidence_key"), rs.getString("provider_code"), rs.getString("rule_id"), rs.getBigDecimal("amount"),
				rs.getString("evidence_summary"), rs.getString("issued_by"), time(rs, "issued_at"), time(rs, "deadline"),
				SignalState.valueOf(rs.getString("state")), rs.getString("answer"),
				docs == null || docs.isBlank() ? List.of() : Arrays.asList(docs.split(",")), rs.getString("answered_by"),
				time(rs, "answered_at"), time(rs, "review_deadline"), rs.getString("decision_reason"),
				rs.getString("decided_by"), time(rs, "decided_at"), time(rs, "reminded_at"), rs.getString("reminder_note"));
	}

	private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class);
	}
}
