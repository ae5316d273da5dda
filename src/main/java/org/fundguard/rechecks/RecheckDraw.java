package org.fundguard.rechecks;

import java.time.OffsetDateTime;

/**
 * A yearly re-check draw (抽查复查抽取): COMMITTED (inputs frozen, commitment public, seed secret) or DRAWN (items
 * sampled and the seed revealed).
 */
public record RecheckDraw(long id, int year, String status, String parameters, String seedHash, String directoryHash,
		String poolHash, String commitment, String committedBy, OffsetDateTime committedAt, OffsetDateTime drawnAt) {

	public boolean drawn() {
		return "DRAWN".equals(status);
	}

	public String statusLabel() {
		return drawn() ? "已抽取，种子已公布" : "已承诺，待抽取";
	}

	public String name() {
		return year + " 年度抽查复查";
	}
}
