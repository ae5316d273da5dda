package org.fundguard.database;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The product behind a data source, asked once, on first need rather than when the caller is built: one place for
 * the question that the notifications, the documents' contents and the load records each asked their own way.
 */
public final class DatabaseKind {

	private final DataSource dataSource;
	private volatile String product;

	public DatabaseKind(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** PostgreSQL: several nodes may write at once, and {@code on conflict} is understood. */
	public boolean postgres() {
		return "PostgreSQL".equals(product());
	}

	/** H2: one node only; it refuses {@code on conflict} and writes committed rows to disk up to a second later. */
	public boolean h2() {
		return "H2".equals(product());
	}

	private String product() {
		if (product == null) {
			try {
				product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			}
			catch (MetaDataAccessException e) {
				throw new IllegalStateException("cannot tell which database this installation runs on", e);
			}
		}
		return product;
	}
}
