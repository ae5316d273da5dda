package org.fundguard.checks;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first snapshot, read as a node starts; not in a command's context (profile {@code command}): a command serves
 * no checks, and on {@code fundguard load} into a bureau's indices the snapshot (every person and inpatient
 * settlement) would have filled the loader's heap and taken Elasticsearch's CPU while the load ran.
 */
@Component
@Profile("!command")
class CheckSnapshotsAtStart {

	private final CheckSnapshots snapshots;

	CheckSnapshotsAtStart(CheckSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		Thread.ofVirtual().name("checks-snapshot").start(snapshots::refreshIfChanged);
	}
}
