package org.fundguard.support;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A fresh in-memory H2, the default installation's database, with the application's real migrations: for the tests of
 * a store's SQL that must run on H2 as well as on PostgreSQL (the integration tests run on PostgreSQL only).
 */
public final class MigratedH2 {

	private MigratedH2() {
	}

	/** A database of its own for each call: the name is only there to read in a failure. */
	public static JdbcDataSource dataSource(String name) {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		ds.setUser("sa");
		Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
		return ds;
	}
}
