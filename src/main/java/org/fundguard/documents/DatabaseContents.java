package org.fundguard.documents;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.fundguard.database.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The documents' content in table {@code document_content} of the database every node shares (bytea: why, in
 * V40's migration and the README). A row is written in the caller's transaction, so a document's content and the
 * {@code stored_document} row that names it are committed together.
 */
@Component
class DatabaseContents implements DocumentContents {

	private final JdbcClient jdbc;
	private final DatabaseKind database;
	private final Clock clock;

	DatabaseContents(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.database = new DatabaseKind(dataSource);
		this.clock = clock;
	}

	@Override
	public boolean putIfAbsent(String sha256, byte[] sealed) {
		if (contains(sha256)) {
			return false;
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
		// two nodes storing the same content at once: PostgreSQL keeps the first without failing the second's
		// transaction; H2 serves one node only, where a row already there is kept as it is
		if (database.postgres()) {
			return jdbc.sql("insert into document_content (sha256, sealed, stored_at) values (?, ?, ?) on conflict (sha256) do nothing")
				.params(sha256, sealed, now).update() > 0;
		}
		return jdbc.sql("""
				insert into document_content (sha256, sealed, stored_at)
				select ?, ?, ? where not exists (select 1 from document_content where sha256 = ?)""")
			.params(sha256, sealed, now, sha256).update() > 0;
	}

	@Override
	public boolean contains(String sha256) {
		return jdbc.sql("select count(*) from document_content where sha256 = ?").param(sha256).query(Long.class).single() > 0;
	}

	@Override
	public Optional<byte[]> get(String sha256) {
		return jdbc.sql("select sealed from document_content where sha256 = ?").param(sha256)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	@Override
	public int replace(String sha256, byte[] sealed) {
		return jdbc.sql("update document_content set sealed = ? where sha256 = ?").params(sealed, sha256).update();
	}

	@Override
	public List<String> hashes() {
		return jdbc.sql("select sha256 from document_content order by sha256").query(String.class).list();
	}
}
