package org.fundguard.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The funnel and the money, counted by the database in one aggregate query each (never rows read into the app):
 * leads, the cases opened from leads, the penalty decisions on those cases and the ones paid; the recovery ledger by
 * source, and the fines decided and paid. Read-only over the leads', cases', penalties' and ledger's tables.
 */
@Component
class ProgrammeFigures {

	/** lead → case → penalty → paid, cumulative. */
	record Funnel(long leads, long cases, long penalties, long paid) {
	}

	record Recovered(String source, long rows, BigDecimal amount) {
	}

	record Money(BigDecimal recovered, List<Recovered> bySource, long fines, BigDecimal finesDecided, BigDecimal finesPaid) {
	}

	private final JdbcClient jdbc;

	ProgrammeFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Funnel funnel() {
		long leads = jdbc.sql("select count(*) from rule_lead").query(Long.class).single();
		long cases = jdbc.sql("select count(*) from audit_case where source = 'LEAD' and merged_into is null").query(Long.class).single();
		long[] penalties = jdbc.sql("""
				select count(*) decided, count(p.paid_on) paid from penalty_case p join audit_case c on c.id = p.case_id
				where c.source = 'LEAD' and p.decided_at is not null""")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		return new Funnel(leads, cases, penalties[0], penalties[1]);
	}

	/** Money booked up to and including the day. */
	Money money(LocalDate upTo) {
		List<Recovered> bySource = jdbc.sql("""
				select source, count(*) n, coalesce(sum(amount), 0) amount from recovery_entry where booked_on <= ?
				group by source order by source""")
			.param(upTo)
			.query((rs, n) -> new Recovered(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
			.list();
		BigDecimal recovered = bySource.stream().map(Recovered::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return jdbc.sql("""
				select count(fine) n, coalesce(sum(fine), 0) decided, coalesce(sum(paid_amount), 0) paid from penalty_case
				where decided_at is not null and fine is not null and fine > 0""")
			.query((rs, n) -> new Money(recovered, bySource, rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3)))
			.single();
	}
}
