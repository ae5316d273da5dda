package org.fundguard.record;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.fundguard.documents.Sha256;

/**
 * The hash of an entry: SHA-256 over its fields in a fixed order, each length-prefixed so that no two
 * different entries share an encoding. The time is hashed in UTC to the millisecond, which every database keeps.
 */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

	private ChainHash() {
	}

	static String of(long caseId, int seq, OffsetDateTime recordedAt, String actorId, String actorRole, String action,
			String detail, List<String> documentHashes, String previousHash) {
		StringBuilder s = new StringBuilder();
		field(s, Long.toString(caseId));
		field(s, Integer.toString(seq));
		field(s, recordedAt.withOffsetSameInstant(ZoneOffset.UTC).format(TIME));
		field(s, actorId);
		field(s, actorRole);
		field(s, action);
		field(s, detail);
		field(s, String.join(",", documentHashes));
		field(s, previousHash);
		return Sha256.hex(s.toString().getBytes(StandardCharsets.UTF_8));
	}

	static String of(RecordEntry e) {
		return of(e.caseId(), e.seq(), e.recordedAt(), e.actorId(), e.actorRole(), e.action(), e.detail(),
				e.documentHashes(), e.previousHash());
	}

	private static void field(StringBuilder s, String value) {
		String v = value == null ? "" : value;
		s.append(v.length()).append(':').append(v).append('\n');
	}
}
