package org.fundguard.recovery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recovery ledger (追回/扣款台账). Rows are only ever added, once per source key: a second booking of the same event
 * finds its row and changes nothing, so listeners may be called again (a redelivered or republished event) safely.
 */
@Service
public class RecoveryLedger {

	/** What a listener books; the ledger derives the row id and stamps the time. */
	public record Booking(RecoverySource source, String sourceKey, String providerCode, String providerName,
			BigDecimal amount, String reason, LocalDate bookedOn, String ruleId, String reference) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	RecoveryLedger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Books a row unless its source key is booked already; returns whether a row was added. The insert carries its
	 * own "not yet booked" condition rather than relying on the unique constraint: a violated constraint would abort
	 * the publisher's transaction on PostgreSQL, and the booking runs inside it.
	 */
	@Transactional
	public boolean book(Booking b) {
		String id = RecoveryEntry.rowId(b.source(), b.sourceKey());
		int added = jdbc.sql("""
				insert into recovery_entry (id, source, source_key, provider_code, provider_name, amount, reason, booked_on,
				rule_id, reference, created_at)
				select cast(? as varchar(36)), cast(? as varchar(20)), cast(? as varchar(200)), cast(? as varchar(50)),
				cast(? as varchar(200)), cast(? as numeric(18, 2)), cast(? as varchar(2000)), cast(? as date),
				cast(? as varchar(500)), cast(? as varchar(200)), cast(? as timestamp with time zone)
				where not exists (select 1 from recovery_entry where id = ?)""")
			.params(id, b.source().name(), b.sourceKey(), b.providerCode(), clip(b.providerName(), 200),
					b.amount().setScale(2, RoundingMode.HALF_UP), clip(b.reason(), 2000), b.bookedOn(), clip(b.ruleId(), 500),
					clip(b.reference(), 200), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), id)
			.update();
		return added > 0;
	}

	/** What one source has booked under one reference (e.g. the confirmed signals of a lead), in yuan. */
	public BigDecimal bookedUnder(RecoverySource source, String reference) {
		return jdbc.sql("select coalesce(sum(amount), 0) from recovery_entry where source = ? and reference = ?")
			.params(source.name(), reference)
			.query(BigDecimal.class)
			.single();
	}

	public Optional<RecoveryEntry> find(String id) {
		return jdbc.sql("select * from recovery_entry where id = ?").param(id).query(RecoveryLedger::row).optional();
	}

	/** The rows the filter selects, by day booked then row id: the order pages and the export show. */
	public List<RecoveryEntry> entries(RecoveryFilter f) {
		StringBuilder sql = new StringBuilder("select * from recovery_entry where 1 = 1");
		List<Object> params = new ArrayList<>();
		if (f.from() != null) {
			sql.append(" and booked_on >= ?");
			params.add(f.from());
		}
		if (f.to() != null) {
			sql.append(" and booked_on <= ?");
			params.add(f.to());
		}
		if (f.providerCode() != null && !f.providerCode().isBlank()) {
			sql.append(" and provider_code = ?");
			params.add(f.providerCode().strip());
		}
		if (f.source() != null) {
			sql.append(" and source = ?");
			params.add(f.source().name());
		}
		if (f.ruleId() != null && !f.ruleId().isBlank()) {
			sql.append(" and rule_id = ?");
			params.add(f.ruleId().strip());
		}
		sql.append(" order by booked_on, id");
		return jdbc.sql(sql.toString()).params(params).query(RecoveryLedger::row).list();
	}

	/** The rows of one institution only. A null code (an institution token bound to nothing) reads nothing. */
	public List<RecoveryEntry> entriesOf(String providerCode, RecoveryFilter f) {
		if (providerCode == null || providerCode.isBlank()) {
			return List.of();
		}
		return entries(f.onlyProvider(providerCode));
	}

	private static RecoveryEntry row(ResultSet rs, int n) throws SQLException {
		return new RecoveryEntry(rs.getString("id"), RecoverySource.valueOf(rs.getString("source")),
				rs.getString("source_key"), rs.getString("provider_code"), rs.getString("provider_name"),
				rs.getBigDecimal("amount"), rs.getString("reason"), rs.getObject("booked_on", LocalDate.class),
				rs.getString("rule_id"), rs.getString("reference"), rs.getObject("created_at", OffsetDateTime.class));
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
