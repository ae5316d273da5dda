package org.fundguard.record;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fundguard.errors.Refused;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enforcement record (执法全过程记录): an append-only, per-case hash chain of every step. This class is
 * the only code that touches its tables, and it has no way to change or remove an entry. A head row per case
 * keeps the length and last hash, so that even cutting entries off the end is detected.
 */
@Service
public class EnforcementRecord {

	private final JdbcClient jdbc;
	private final Clock clock;

	EnforcementRecord(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Appends a step without documents. */
	@Transactional
	public RecordEntry append(long caseId, Actor actor, String action, String detail) {
		return append(caseId, actor, action, detail, List.of());
	}

	/**
	 * Appends a step, joining the caller's transaction: the step is recorded exactly when the change it records
	 * commits.
	 */
	@Transactional
	public RecordEntry append(long caseId, Actor actor, String action, String detail, List<String> documentHashes) {
		for (String h : documentHashes) {
			if (h == null || !h.matches("[0-9a-f]{64}")) {
				throw new IllegalArgumentException("not a SHA-256 hex: " + h);
			}
		}
		Optional<Map<String, Object>> head = jdbc
			.sql("select length, head_hash from enforcement_record_head where case_id = ? for update")
			.param(caseId)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		int seq = head.map(h -> ((Number) h.get("length")).intValue() + 1).orElse(1);
		String previous = head.map(h -> (String) h.get("head_hash")).orElse(ChainHash.GENESIS);
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
		String hash = ChainHash.of(caseId, seq, now, actor.userId(), actor.role(), action, detail, documentHashes, previous);
		if (head.isEmpty()) {
			try {
				jdbc.sql("insert into enforcement_record_head (case_id, length, head_hash) values (?, ?, ?)")
					.params(caseId, seq, hash)
					.update();
			}
			catch (DuplicateKeyException raced) {
				// a refusal to retry, not a 500: the other step was recorded, and this one may be taken again after it
				throw Refused.conflict("record.entry.concurrent-first", caseId);
			}
		}
		else {
			jdbc.sql("update enforcement_record_head set length = ?, head_hash = ? where case_id = ?")
				.params(seq, hash, caseId)
				.update();
		}
		jdbc.sql("""
				insert into enforcement_record (case_id, seq, recorded_at, actor_id, actor_role, action, detail,
				document_hashes, previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, seq, now, actor.userId(), actor.role(), action, detail, String.join(",", documentHashes),
					previous, hash)
			.update();
		return new RecordEntry(caseId, seq, now, actor.userId(), actor.role(), action, detail, List.copyOf(documentHashes),
				previous, hash);
	}

	/** The case's steps in order, for the timeline. */
	public List<RecordEntry> entries(long caseId) {
		return jdbc.sql("""
				select case_id, seq, recorded_at, actor_id, actor_role, action, detail, document_hashes, previous_hash, hash
				from enforcement_record where case_id = ? order by seq""")
			.param(caseId)
			.query((rs, n) -> new RecordEntry(rs.getLong(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), hashes(rs.getString(8)),
					rs.getString(9), rs.getString(10)))
			.list();
	}

	/** Recomputes the chain and names the first entry that does not match. */
	public ChainVerification verify(long caseId) {
		List<RecordEntry> entries = entries(caseId);
		String previous = ChainHash.GENESIS;
		int expectedSeq = 1;
		for (RecordEntry e : entries) {
			if (e.seq() != expectedSeq) {
				return ChainVerification.broken(caseId, entries.size(), expectedSeq,
						"第 " + expectedSeq + " 条记录缺失或被移动 / entry " + expectedSeq + " is missing or was moved");
			}
			if (!e.previousHash().equals(previous)) {
				return ChainVerification.broken(caseId, entries.size(), e.seq(),
						"第 " + e.seq() + " 条记录的前序哈希不符 / entry " + e.seq() + " does not follow the one before it");
			}
			if (!ChainHash.of(e).equals(e.hash())) {
				return ChainVerification.broken(caseId, entries.size(), e.seq(),
						"第 " + e.seq() + " 条记录内容与哈希不符（被修改）/ entry " + e.seq() + " was modified");
			}
			previous = e.hash();
			expectedSeq++;
		}
		var head = jdbc.sql("select length, head_hash from enforcement_record_head where case_id = ?")
			.param(caseId)
			.query()
			.listOfRows();
		int length = head.isEmpty() ? 0 : ((Number) head.get(0).get("length")).intValue();
		String headHash = head.isEmpty() ? ChainHash.GENESIS : (String) head.get(0).get("head_hash");
		if (length != entries.size() || !headHash.equals(previous)) {
			return ChainVerification.broken(caseId, entries.size(), Math.min(length, entries.size()) + 1,
					"记录应有 " + length + " 条，实有 " + entries.size() + " 条，末尾记录被删除或替换 / the record should hold "
							+ length + " entries and ends differently");
		}
		return ChainVerification.intact(caseId, entries.size());
	}

	/** Ids of every case with a record, for verifying them all. */
	public List<Long> caseIds() {
		return jdbc.sql("select case_id from enforcement_record_head order by case_id").query(Long.class).list();
	}

	private static List<String> hashes(String joined) {
		return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
	}
}
