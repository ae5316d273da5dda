package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A load's record survives its process dying at once afterwards (kill -9, a lost machine): H2's file store writes
 * committed rows in the background up to a second later, and a record written in that second was lost with the
 * process, which is how a rerun's record could be missing although its folder existed.
 */
class LoadRecordDurabilityTest {

	@TempDir
	Path temp;

	@Test
	void aFinishedLoadsRecordIsOnDiskWhenItsProcessDiesTheMomentAfter() throws Exception {
		String url = "jdbc:h2:file:" + temp.resolve("db/fundguard") + ";AUTO_SERVER=TRUE";
		Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), RecordThenDie.class.getName(), url).redirectErrorStream(true).start();
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).as(output).isEqualTo(137);

		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL(url);
		ds.setUser("sa");
		List<String> statuses = JdbcClient.create(ds)
			.sql("select id || ' ' || status from claims_load order by started_at")
			.query(String.class)
			.list();
		assertThat(statuses).containsExactly("failed-load FAILED", "rerun COMPLETED", "rerun-2 RUNNING");
	}

	/** The operator's sequence in one process that then halts, no shutdown hook, no closing of the database. */
	static final class RecordThenDie {

		public static void main(String[] args) throws Exception {
			JdbcDataSource ds = new JdbcDataSource();
			ds.setURL(args[0]);
			ds.setUser("sa");
			// held open as the app's connection pool holds its connections: else closing the last one closes the store
			java.sql.Connection pool = ds.getConnection();
			LoadRecords records = new LoadRecords(JdbcClient.create(ds), ds, Clock.systemUTC());
			records.start("failed-load", "/exports/a", "test", "/tmp/r1", LoadOwner.current());
			records.finish("failed-load", "FAILED", "Elasticsearch is not reachable", List.of());
			Thread.sleep(5);
			records.start("rerun", "/exports/a", "test", "/tmp/r2", LoadOwner.current());
			records.finish("rerun", "COMPLETED", "done", List.of(new FileCounts("fee_items.csv", 3, 3, 0)));
			Thread.sleep(5);
			records.start("rerun-2", "/exports/a", "test", "/tmp/r3", LoadOwner.current());
			Runtime.getRuntime().halt(pool.isClosed() ? 1 : 137);
		}
	}
}
