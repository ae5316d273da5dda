package org.fundguard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Someone with full access to the database, behind the application's back: the owner that runs the migrations, and
 * on PostgreSQL with triggers switched off for the session (a superuser's {@code session_replication_role}). Tests of
 * the record's integrity rewrite history this way, since the application's own role may not.
 */
public final class FullDatabaseAccess implements AutoCloseable {

	private final Connection connection;

	private FullDatabaseAccess(Connection connection) {
		this.connection = connection;
	}

	public static FullDatabaseAccess open(Environment env) {
		try {
			Connection c = DriverManager.getConnection(env.getProperty("spring.datasource.url"),
					env.getProperty("spring.flyway.user"), env.getProperty("spring.flyway.password"));
			if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
				try (var s = c.createStatement()) {
					s.execute("set session_replication_role = replica");
				}
			}
			return new FullDatabaseAccess(c);
		}
		catch (SQLException e) {
			throw new IllegalStateException("no full access to the test database", e);
		}
	}

	public JdbcClient jdbc() {
		return JdbcClient.create(new SingleConnectionDataSource(connection, true));
	}

	@Override
	public void close() {
		try {
			connection.close();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
