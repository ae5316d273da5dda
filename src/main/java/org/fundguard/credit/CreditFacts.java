package org.fundguard.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recorded credit facts. Rows are only ever added, once per cause and source key: recording the same event again
 * (a redelivery, a replay) finds its row and changes nothing.
 */
@Repository
class CreditFacts {

	/** What a listener records; the store derives the id and stamps the time. */
	record NewFact(CreditCause cause, String sourceKey, String providerCode, String providerName, String region,
			LocalDate occurredOn, int points, String description, String reference) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	CreditFacts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records a fact unless its key is recorded already; returns whether a row was added. The insert carries its own
	 * "not yet recorded" condition: a violated unique constraint would abort the publisher's transaction, and the
	 * listener runs inside it.
	 */
	@Transactional
	boolean record(NewFact f) {
		String id = CreditFact.idOf(f.cause(), f.sourceKey());
		return jdbc.sql("""
				insert into credit_fact (id, cause, source_key, provider_code, provider_name, region, occurred_on, points,
				description, reference, recorded_at)
				select cast(? as varchar(250)), cast(? as varchar(30)), cast(? as varchar(200)), cast(? as varchar(50)),
				cast(? as varchar(200)), cast(? as varchar(20)), cast(? as date), cast(? as integer),
				cast(? as varchar(1000)), cast(? as varchar(200)), cast(? as timestamp with time zone)
				where not exists (select 1 from credit_fact where id = ?)""")
			.params(id, f.cause().name(), f.sourceKey(), f.providerCode(), clip(f.providerName(), 200), clip(f.region(), 20),
					f.occurredOn(), f.points(), clip(f.description(), 1000), clip(f.reference(), 200),
					OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), id)
			.update() > 0;
	}

	/** Every fact dated in that year (Asia/Shanghai days), of every institution. */
	List<CreditFact> ofYear(int year) {
		return jdbc.sql("select * from credit_fact where occurred_on between ? and ? order by provider_code, occurred_on, id")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query(CreditFacts::row)
			.list();
	}

	List<CreditFact> of(String providerCode, int year) {
		return jdbc.sql("select * from credit_fact where provider_code = ? and occurred_on between ? and ? order by occurred_on, id")
			.params(providerCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
			.query(CreditFacts::row)
			.list();
	}

	/** The years that have facts, newest first, for the year choice. */
	List<Integer> years() {
		return jdbc.sql("select distinct cast(extract(year from occurred_on) as integer) y from credit_fact order by y desc")
			.query(Integer.class)
			.list();
	}

	private static CreditFact row(ResultSet rs, int n) throws SQLException {
		return new CreditFact(rs.getString("id"), CreditCause.valueOf(rs.getString("cause")), rs.getString("source_key"),
				rs.getString("provider_code"), rs.getString("provider_name"), rs.getString("region"),
				rs.getObject("occurred_on", LocalDate.class), rs.getInt("points"), rs.getString("description"),
				rs.getString("reference"), rs.getObject("recorded_at", OffsetDateTime.class));
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
