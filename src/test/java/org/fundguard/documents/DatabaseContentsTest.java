package org.fundguard.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.fundguard.support.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The documents' contents on H2, the default installation's database, with the real migrations: the insert that
 * keeps a content once must not be PostgreSQL's {@code on conflict}, which H2 refuses (the PostgreSQL side is
 * {@code SeveralNodesIT}'s).
 */
class DatabaseContentsTest {

	@Test
	void aContentIsKeptOnceUnderItsHash() {
		JdbcDataSource h2 = MigratedH2.dataSource("contents");
		DatabaseContents contents = new DatabaseContents(JdbcClient.create(h2), h2, Clock.systemUTC());

		assertThat(contents.putIfAbsent("ab12", new byte[] { 1, 2 })).isTrue();
		assertThat(contents.putIfAbsent("ab12", new byte[] { 3 })).as("kept already").isFalse();

		assertThat(contents.get("ab12")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2));
		assertThat(contents.hashes()).containsExactly("ab12");
	}
}
