package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.fundguard.support.MigratedH2;
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
		JdbcDataSource ds = MigratedH2.dataSource("loads");
		jdbc = JdbcClient.create(ds);
		clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));
		records = new LoadRecords(jdbc, ds, clock);
	}

	@Test
	void aFolderWhoseLastLoadFailedIsHalfLoadedUntilARerunCompletesIt() {
		String failed = load("/data/a", "FAILED");
		load("/data/b", "COMPLETED");

		assertThat(ids()).containsExactly(failed);

		String rerun = started("/data/a");
		assertThat(ids()).as("a rerun that still runs may fail too")
			.containsExactly(failed);

		records.indexingStarts(rerun);
		records.finish(rerun, "COMPLETED_WITH_REJECTS", "done", List.of(new FileCounts("fee_items.csv", 10, 9, 1)));
		assertThat(records.unfinishedExports()).isEmpty();
	}

	@Test
	void aFailedLoadAfterACompleteOneMakesTheFolderHalfLoadedAgain() {
		load("/data/a", "COMPLETED");
		String failed = load("/data/a", "FAILED");
		String interrupted = load("/data/c", "INTERRUPTED");

		assertThat(ids()).containsExactly(interrupted, failed);
	}

	@Test
	void aLoadWhoseProcessIsGoneIsMarkedInterruptedAndThenCountsAsHalfLoaded() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		String id = "killed-load";
		records.start(id, "/data/k", "test", "/tmp/rejects.csv", new LoadOwner(LoadOwner.current().host(), gone.pid(),
				LoadOwner.UNKNOWN_START));
		records.indexingStarts(id);

		assertThat(records.markInterrupted()).containsExactly(id);
		assertThat(records.unfinishedExports()).extracting(u -> u.load().id(), u -> u.load().status())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(id, "INTERRUPTED"));
	}

	@Test
	void aLoadRefusedForABadFileIndexedNothingAndLeavesTheExportAsTheLoadBeforeLeftIt() {
		load("/data/a", "COMPLETED");
		refused("/data/a");
		assertThat(ids()).as("refused after a complete load: still complete").isEmpty();

		String failed = load("/data/b", "FAILED");
		refused("/data/b");
		assertThat(ids()).as("refused after a failed load: still half-loaded by the failed one").containsExactly(failed);

		String killedWhileChecking = started("/data/c");
		records.finish(killedWhileChecking, "INTERRUPTED", "killed", List.of());
		assertThat(ids()).as("a load killed before it began to index").containsExactly(failed);
	}

	@Test
	void aHalfLoadKnowsThePeriodOfItsSettlementsWhenItReadThemAll() {
		String id = started("/data/a");
		records.indexingStarts(id);
		records.period(id, java.time.LocalDate.of(2025, 12, 1), java.time.LocalDate.of(2026, 11, 30));
		records.finish(id, "FAILED", "Elasticsearch gone", List.of());
		String early = load("/data/b", "INTERRUPTED");

		assertThat(records.unfinishedExports()).extracting(LoadRecords.Unfinished::from, LoadRecords.Unfinished::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(null, null),
					org.assertj.core.groups.Tuple.tuple(java.time.LocalDate.of(2025, 12, 1), java.time.LocalDate.of(2026, 11, 30)));
		assertThat(ids()).containsExactly(early, id);
	}

	@Test
	void recordsWrittenBeforeTheColumnCountAsIndexedUnlessTheCheckRefusedTheirFiles() {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:old-loads-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("17").load().migrate();
		JdbcClient old = JdbcClient.create(ds);
		String insert = """
				insert into claims_load (id, source, requested_by, status, message, started_at, heartbeat_at, finished_at,
				rejects_path) values (?, ?, 'test', 'FAILED', ?, ?, ?, ?, '/tmp/r.csv')""";
		java.time.OffsetDateTime t = java.time.OffsetDateTime.parse("2026-12-06T01:00:00Z");
		old.sql(insert).params("refused", "/data/a", "未加载任何数据 / nothing loaded: persons.csv 第 2 行", t, t, t).update();
		old.sql(insert).params("es-gone", "/data/b", "Elasticsearch 不可用 / unavailable", t, t, t).update();

		Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

		assertThat(new LoadRecords(old, ds, clock).unfinishedExports()).extracting(u -> u.load().id()).containsExactly("es-gone");
	}

	private List<String> ids() {
		return records.unfinishedExports().stream().map(u -> u.load().id()).toList();
	}

	/** A load refused by the check of its files: it never began to index. */
	private void refused(String source) {
		String id = started(source);
		records.finish(id, "FAILED", "未加载任何数据 / nothing loaded: bad file", List.of());
	}

	/** A finished load of the folder that got past the check, a second after the one before. */
	private String load(String source, String status) {
		String id = started(source);
		records.indexingStarts(id);
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
