package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which exports are half-loaded, as the rules ask it: a folder whose last finished load was interrupted or failed,
 * until a later load of the same folder completes; and a dead load is marked interrupted by the asking itself.
 */
class LoadRecordsTest {

	private JdbcClient jdbc;
	private MutableClock clock;
	private LoadRecords records;

	@BeforeEach
	void database() {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:loads-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
		jdbc = JdbcClient.create(ds);
		clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));
		records = new LoadRecords(jdbc, ds, clock);
	}

	@Test
	void aFolderWhoseLastLoadFailedIsHalfLoadedUntilARerunCompletesIt() {
		String failed = load("/data/a", "FAILED");
		load("/data/b", "COMPLETED");

		assertThat(records.unfinishedExports()).extracting(LoadRecord::id).containsExactly(failed);

		String rerun = started("/data/a");
		assertThat(records.unfinishedExports()).as("a rerun that still runs may fail too").extracting(LoadRecord::id)
			.containsExactly(failed);

		records.finish(rerun, "COMPLETED_WITH_REJECTS", "done", List.of(new FileCounts("fee_items.csv", 10, 9, 1)));
		assertThat(records.unfinishedExports()).isEmpty();
	}

	@Test
	void aFailedLoadAfterACompleteOneMakesTheFolderHalfLoadedAgain() {
		load("/data/a", "COMPLETED");
		String failed = load("/data/a", "FAILED");
		String interrupted = load("/data/c", "INTERRUPTED");

		assertThat(records.unfinishedExports()).extracting(LoadRecord::id).containsExactly(interrupted, failed);
	}

	@Test
	void aLoadWhoseProcessIsGoneIsMarkedInterruptedAndThenCountsAsHalfLoaded() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		String id = "killed-load";
		records.start(id, "/data/k", "test", "/tmp/rejects.csv", new LoadOwner(LoadOwner.current().host(), gone.pid(),
				LoadOwner.UNKNOWN_START));

		assertThat(records.markInterrupted()).containsExactly(id);
		assertThat(records.unfinishedExports()).extracting(LoadRecord::id, LoadRecord::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(id, "INTERRUPTED"));
	}

	/** A finished load of the folder, a second after the one before. */
	private String load(String source, String status) {
		String id = started(source);
		records.finish(id, status, status, List.of());
		return id;
	}

	private String started(String source) {
		clock.advance();
		String id = java.util.UUID.randomUUID().toString();
		records.start(id, source, "test", "/tmp/" + id, LoadOwner.current());
		return id;
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance() {
			now = now.plusSeconds(1);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
