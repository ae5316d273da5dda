package org.fundguard.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each node flushes its own counters into one table: the flushes add up, also when two nodes insert a provider's
 * first row of the day at the same moment (the loser's insert is refused and adds to the winner's row instead).
 */
class CheckCountsTest {

	private static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant(),
			ZoneId.of("Asia/Shanghai"));
	private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

	@Test
	void twoNodesFlushesAddUpEvenWhenBothInsertTheFirstRowAtOnce() {
		JdbcTemplate db = database();
		CheckCounts nodeA = new CheckCounts(db, CLOCK);
		boolean[] raced = { false };
		// node B's update finds no row; before its insert, node A inserts the row: B's insert is then refused
		JdbcTemplate racing = new JdbcTemplate(db.getDataSource()) {
			@Override
			public int update(String sql, Object... args) {
				int n = super.update(sql, args);
				if (!raced[0] && sql.startsWith("update")) {
					raced[0] = true;
					nodeA.flush();
				}
				return n;
			}
		};
		CheckCounts nodeB = new CheckCounts(racing, CLOCK);
		for (int i = 0; i < 3; i++) {
			nodeA.count("H1", i == 0);
		}
		for (int i = 0; i < 5; i++) {
			nodeB.count("H1", i < 2);
		}

		nodeB.flush();
		nodeA.count("H1", true);
		nodeA.flush();
		nodeB.flush();

		assertThat(raced[0]).as("the race happened").isTrue();
		assertThat(new CheckCounts(db, CLOCK).of("H1", DAY)).containsExactly(9, 4);
	}

	private static JdbcTemplate database() {
		JdbcDataSource ds = new JdbcDataSource();
		ds.setURL("jdbc:h2:mem:check-counts-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		JdbcTemplate db = new JdbcTemplate(ds);
		db.execute("""
				create table settlement_check_count (provider_code varchar(64) not null, check_day date not null,
				  checks bigint not null, with_hits bigint not null, primary key (provider_code, check_day))""");
		return db;
	}
}
