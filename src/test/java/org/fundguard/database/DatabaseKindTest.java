package org.fundguard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class DatabaseKindTest {

	@Test
	void h2IsToldApartFromPostgreSql() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:kind-" + System.nanoTime());

		DatabaseKind kind = new DatabaseKind(h2);

		assertThat(kind.h2()).isTrue();
		assertThat(kind.postgres()).isFalse();
	}

	@Test
	void aDatabaseThatCannotBeAskedIsAnErrorNotAGuess() throws SQLException {
		DataSource gone = Mockito.mock(DataSource.class);
		Mockito.when(gone.getConnection()).thenThrow(new SQLException("connection refused"));

		DatabaseKind kind = new DatabaseKind(gone);

		assertThatThrownBy(kind::postgres).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("which database");
	}
}
