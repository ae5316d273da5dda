package org.fundguard.record;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One step in a case's enforcement record (执法全过程记录). {@code hash} is the SHA-256 of every other field,
 * {@code previousHash} included, so changing, removing or reordering an entry breaks the chain after it.
 *
 * @param action a stable code such as {@code FINDINGS_RECORDED}
 * @param detail what happened, in Chinese, as shown on the case timeline
 * @param documentHashes SHA-256 of each document the step produced or received
 */
public record RecordEntry(long caseId, int seq, OffsetDateTime recordedAt, String actorId, String actorRole,
		String action, String detail, List<String> documentHashes, String previousHash, String hash) {

	public Actor actor() {
		return new Actor(actorId, actorRole);
	}
}
