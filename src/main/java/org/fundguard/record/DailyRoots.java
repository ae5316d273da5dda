package org.fundguard.record;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily roots (每日根哈希): each day the heads of all cases' records are hashed into one Merkle root, which the
 * public pages publish. A chain rewritten later, even by someone with full database access who recomputes every
 * hash, no longer ends in the head a published root holds. A day's root is computed once: the day is the key, so a
 * second node or a rerun finds it there.
 */
@Service
public class DailyRoots {

	private static final Logger log = LoggerFactory.getLogger(DailyRoots.class);
	private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;
	private final Clock clock;
	private final EnforcementRecord record;
	private final TransactionTemplate tx;

	DailyRoots(JdbcClient jdbc, Clock clock, EnforcementRecord record, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.record = record;
		this.tx = tx;
	}

	/** Just after midnight in the bureau's zone: the root of the day that ended. */
	@Scheduled(cron = "${fundguard.record.daily-root-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "record-daily-root", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
	public void nightly() {
		compute(LocalDate.now(clock.withZone(BUREAU)).minusDays(1));
	}

	/** A node that was down at midnight catches up with yesterday's root when it starts. */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		try {
			nightly();
		}
		catch (RuntimeException e) {
			log.warn("the daily root of yesterday could not be computed at start-up; the schedule tries again", e);
		}
	}

	/** The day's root: computed now over the current heads if the day has none yet, else the one published. */
	public DailyRoot compute(LocalDate day) {
		Optional<DailyRoot> existing = root(day);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			return tx.execute(status -> {
				List<Leaf> leaves = jdbc.sql("select case_id, length, head_hash from enforcement_record_head order by case_id")
					.query((rs, n) -> new Leaf(n, rs.getLong(1), rs.getInt(2), rs.getString(3)))
					.list();
				String root = MerkleTree.hex(MerkleTree.root(leafHashes(leaves)));
				OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
				jdbc.sql("insert into record_root (root_day, tree_size, root_hash, computed_at) values (?, ?, ?, ?)")
					.params(day, leaves.size(), root, now)
					.update();
				for (Leaf l : leaves) {
					jdbc.sql("insert into record_root_leaf (root_day, leaf_index, case_id, length, head_hash) values (?, ?, ?, ?, ?)")
						.params(day, l.index(), l.caseId(), l.length(), l.headHash())
						.update();
				}
				log.info("daily root of {}: {} over {} case(s)", day, root, leaves.size());
				return root(day).orElseThrow();
			});
		}
		catch (DuplicateKeyException anotherNode) {
			return root(day).orElseThrow(() -> anotherNode);
		}
	}

	public Optional<DailyRoot> root(LocalDate day) {
		return jdbc.sql("select root_day, tree_size, root_hash, computed_at from record_root where root_day = ?")
			.param(day)
			.query(DailyRoots::root)
			.optional();
	}

	/** The published roots, newest first. */
	public List<DailyRoot> roots(int limit) {
		return jdbc.sql("select root_day, tree_size, root_hash, computed_at from record_root order by root_day desc "
				+ "fetch first " + Math.max(1, limit) + " rows only")
			.query(DailyRoots::root)
			.list();
	}

	/** The inclusion proof of a case's record in the day's root, if the case had a record then. */
	public Optional<RootProof> proof(LocalDate day, long caseId) {
		Optional<DailyRoot> root = root(day);
		if (root.isEmpty()) {
			return Optional.empty();
		}
		List<Leaf> leaves = leaves(day);
		return leaves.stream().filter(l -> l.caseId() == caseId).findFirst().map(l -> new RootProof(day, caseId, l.length(),
				l.headHash(), l.index(), leaves.size(),
				MerkleTree.path(leafHashes(leaves), l.index()).stream().map(MerkleTree::hex).toList(), root.get().rootHash()));
	}

	/**
	 * Checks a day's root against the records as they are now: the stored leaves must still hash to the stored root,
	 * and every case's chain must be intact and still pass through the head the root holds. Returns the problems, in
	 * Chinese, none when all agree. {@code expectedRoot} (hex, may be null) is a root the checker kept from the public
	 * page: it must equal the stored one.
	 */
	public List<String> check(LocalDate day, String expectedRoot) {
		Optional<DailyRoot> root = root(day);
		if (root.isEmpty()) {
			return List.of(day + " 没有根哈希 / no root for " + day);
		}
		List<String> problems = new ArrayList<>();
		if (expectedRoot != null && !expectedRoot.equalsIgnoreCase(root.get().rootHash())) {
			problems.add("数据库中的根哈希 " + root.get().rootHash() + " 与已公布的 " + expectedRoot + " 不符 / the stored root differs from the published one");
		}
		List<Leaf> leaves = leaves(day);
		if (!MerkleTree.hex(MerkleTree.root(leafHashes(leaves))).equals(root.get().rootHash()) || leaves.size() != root.get().treeSize()) {
			problems.add("叶子与根哈希不符（叶子被改动）/ the stored leaves no longer hash to the root");
		}
		for (Leaf l : leaves) {
			ChainVerification chain = record.verify(l.caseId());
			if (!chain.intact()) {
				problems.add("案件 #" + l.caseId() + "：" + chain.problem());
				continue;
			}
			List<RecordEntry> entries = record.entries(l.caseId());
			if (entries.size() < l.length() || !entries.get(l.length() - 1).hash().equals(l.headHash())) {
				problems.add("案件 #" + l.caseId() + "：第 " + l.length() + " 条记录已不是 " + day
						+ " 根哈希所含的记录（历史被改写）/ the record no longer passes through the head of that day's root");
			}
		}
		return problems;
	}

	private List<Leaf> leaves(LocalDate day) {
		return jdbc.sql("select leaf_index, case_id, length, head_hash from record_root_leaf where root_day = ? order by leaf_index")
			.param(day)
			.query((rs, n) -> new Leaf(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getString(4)))
			.list();
	}

	private static List<byte[]> leafHashes(List<Leaf> leaves) {
		return leaves.stream().map(l -> MerkleTree.leafHash(RootProof.leafData(l.caseId(), l.length(), l.headHash()))).toList();
	}

	private static DailyRoot root(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new DailyRoot(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3),
				rs.getObject(4, OffsetDateTime.class));
	}

	private record Leaf(int index, long caseId, int length, String headHash) {
	}
}
