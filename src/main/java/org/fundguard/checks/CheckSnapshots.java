package org.fundguard.checks;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.fundguard.errors.Refused;
import org.fundguard.rules.CheckSnapshot;
import org.fundguard.rules.SettlementCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The snapshot the checks judge with, read from Elasticsearch at start-up ({@link CheckSnapshotsAtStart}) and again
 * whenever the persons, settlements or items indices changed (a load, a catalogue import): a check never waits for
 * Elasticsearch. The indices' write counters are polled ({@code fundguard.checks.refresh-seconds}, default 30 s); a
 * load publishes no event other modules may hear, and the counters also see a load run by another FundGuard instance
 * on the same indices.
 */
@Component
class CheckSnapshots {

	private static final Logger log = LoggerFactory.getLogger(CheckSnapshots.class);

	private final SettlementCheck rules;
	private final AtomicReference<CheckSnapshot> current = new AtomicReference<>();
	private final AtomicLong version = new AtomicLong(Long.MIN_VALUE);

	CheckSnapshots(SettlementCheck rules) {
		this.rules = rules;
	}

	/** The snapshot in force; refused (503) until the first one is read. */
	CheckSnapshot current() {
		CheckSnapshot s = current.get();
		if (s == null) {
			throw Refused.unavailable("checks.snapshot.loading", null);
		}
		return s;
	}

	@Scheduled(fixedDelayString = "${fundguard.checks.refresh-seconds:30}000", initialDelayString = "${fundguard.checks.refresh-seconds:30}000")
	void poll() {
		refreshIfChanged();
	}

	/** Reads a new snapshot when the indices changed since the last one; a failure keeps the last one in force. */
	synchronized void refreshIfChanged() {
		try {
			long now = rules.dataVersion();
			if (now != version.get() || current.get() == null) {
				refresh(now);
			}
		}
		catch (RuntimeException e) {
			log.warn("pre-settlement check snapshot not refreshed: {}", e.toString());
		}
	}

	private void refresh(long dataVersion) {
		long started = System.nanoTime();
		CheckSnapshot s = rules.snapshot();
		current.set(s);
		version.set(dataVersion);
		log.info("pre-settlement check snapshot: {} persons, {} stays, {} items, about {} MB, read in {} ms", s.persons(),
				s.stays(), s.items(), s.estimatedBytes() / 1_000_000, (System.nanoTime() - started) / 1_000_000);
	}
}
