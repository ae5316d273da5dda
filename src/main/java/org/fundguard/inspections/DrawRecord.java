package org.fundguard.inspections;

import java.time.OffsetDateTime;

/**
 * One commitment of a plan and what became of it (抽取记录).
 *
 * @param status COMMITTED (seed secret), DRAWN, or VOID (the draw stopped; the seed is revealed all the same)
 */
public record DrawRecord(long id, long planId, int attempt, String status, String parameters, String seedHash,
		String directoryHash, String poolHash, String commitment, OffsetDateTime committedAt, OffsetDateTime drawnAt,
		OffsetDateTime revealedAt, String failure) {

	public boolean revealed() {
		return revealedAt != null;
	}

	public String statusLabel() {
		return switch (status) {
			case "COMMITTED" -> "已公布承诺值";
			case "DRAWN" -> revealed() ? "已抽取并公布种子" : "已抽取";
			case "VOID" -> "抽取中止（作废）";
			default -> status;
		};
	}
}
