package org.fundguard.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fundguard.errors.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Exemptions of a subject from a rule until an expiry date, with the reason. The subject is either the signal's
 * subject key (e.g. {@code settlement_id|item_code}) or the party answering for it (a provider code, a person id).
 */
@Repository
public class Exemptions {

	public record Exemption(String id, String ruleId, String subjectKey, String reason, LocalDate expiresOn, String createdBy,
			OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	Exemptions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Exemption add(String ruleId, String subjectKey, String reason, LocalDate expiresOn, String who) {
		if (subjectKey == null || subjectKey.isBlank() || reason == null || reason.isBlank() || expiresOn == null) {
			throw Refused.because("rules.exemption.incomplete");
		}
		Exemption e = new Exemption(UUID.randomUUID().toString(), ruleId, subjectKey.trim(), reason.trim(), expiresOn, who,
				OffsetDateTime.now(clock));
		jdbc.sql("""
				insert into rule_exemption (id, rule_id, subject_key, reason, expires_on, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(e.id(), e.ruleId(), e.subjectKey(), e.reason(), e.expiresOn(), e.createdBy(), e.createdAt())
			.update();
		return e;
	}

	public List<Exemption> all() {
		return jdbc.sql("select * from rule_exemption order by created_at desc")
			.query((rs, n) -> new Exemption(rs.getString("id"), rs.getString("rule_id"), rs.getString("subject_key"),
					rs.getString("reason"), rs.getObject("expires_on", LocalDate.class), rs.getString("created_by"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

	public boolean delete(String id) {
		return jdbc.sql("delete from rule_exemption where id = ?").param(id).update() > 0;
	}

	/** Those in force today, by "rule|subject". */
	Map<String, Exemption> active() {
		LocalDate today = LocalDate.now(clock);
		Map<String, Exemption> out = new HashMap<>();
		for (Exemption e : all()) {
			if (!e.expiresOn().isBefore(today)) {
				out.put(e.ruleId() + "|" + e.subjectKey(), e);
			}
		}
		return out;
	}
}
