package org.fundguard.checks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The only thing the check keeps (it stores no settlement): how many checks each provider made per day and how many
 * raised a hit. Counted in memory without a lock on the hot path, and added to the table
 * {@code settlement_check_count} every {@code fundguard.checks.flush-seconds} (default 60 s).
 */
@Component
class CheckCounts {

	record Key(String provider, LocalDate day) {
	}

	/** Checks and checks with hits, not yet in the table. */
	record Pending(LongAdder checks, LongAdder withHits) {
	}

	private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
	private final JdbcTemplate jdbc;
	private final Clock clock;

	CheckCounts(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void count(String provider, boolean hit) {
		Pending p = pending.computeIfAbsent(new Key(provider, LocalDate.now(clock)), k -> new Pending(new LongAdder(), new LongAdder()));
		p.checks().increment();
		if (hit) {
			p.withHits().increment();
		}
	}

	/**
	 * Adds what was counted since the last flush to the table. Per node on purpose (each node flushes its own
	 * counters): every statement adds to the row, so several nodes' flushes sum; when two nodes insert a provider's
	 * first row of a day at once the loser adds to the winner's row, and counts a failed flush took are put back
	 * for the next one, never lost. No transaction around it: on PostgreSQL a refused insert would abort one.
	 */
	@Scheduled(fixedDelayString = "${fundguard.checks.flush-seconds:60}000")
	public void flush() {
		LocalDate today = LocalDate.now(clock);
		for (Map.Entry<Key, Pending> e : pending.entrySet()) {
			Key key = e.getKey();
			// each cell is taken and zeroed at once: a check counted meanwhile is in this flush or the next, never lost
			long checks = e.getValue().checks().sumThenReset();
			long hits = e.getValue().withHits().sumThenReset();
			if (checks == 0 && hits == 0) {
				if (key.day().isBefore(today)) {
					pending.remove(key);
				}
				continue;
			}
			try {
				add(key, checks, hits);
			}
			catch (RuntimeException failed) {
				e.getValue().checks().add(checks);
				e.getValue().withHits().add(hits);
				throw failed;
			}
		}
	}

	private void add(Key key, long checks, long hits) {
		if (addToRow(key, checks, hits)) {
			return;
		}
		try {
			jdbc.update("insert into settlement_check_count (provider_code, check_day, checks, with_hits) values (?, ?, ?, ?)",
					key.provider(), key.day(), checks, hits);
		}
		catch (DuplicateKeyException anotherNodeInsertedIt) {
			addToRow(key, checks, hits);
		}
	}

	private boolean addToRow(Key key, long checks, long hits) {
		return jdbc.update("update settlement_check_count set checks = checks + ?, with_hits = with_hits + ? "
				+ "where provider_code = ? and check_day = ?", checks, hits, key.provider(), key.day()) > 0;
	}

	/** The table's counts of one provider and day plus those not yet flushed: {checks, with hits}. */
	long[] of(String provider, LocalDate day) {
		long[] out = jdbc.query("select checks, with_hits from settlement_check_count where provider_code = ? and check_day = ?",
				rs -> rs.next() ? new long[] { rs.getLong(1), rs.getLong(2) } : new long[2], provider, day);
		Pending p = pending.get(new Key(provider, day));
		if (p != null) {
			out[0] += p.checks().sum();
			out[1] += p.withHits().sum();
		}
		return out;
	}
}
