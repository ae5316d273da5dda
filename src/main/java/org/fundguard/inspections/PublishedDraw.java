package org.fundguard.inspections;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Everything anyone needs to re-run a draw (公开抽取依据), as the public page offers it for download and the
 * {@code fundguard draw verify} command and the browser's verify button read it. Before the seed is revealed
 * {@code seed} and {@code result} are null.
 *
 * @param excluded institutions in scope that could not be drawn (agreement suspended or terminated); for
 *     information, not part of the hashed directory
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PublishedDraw(String format, Plan plan, DrawParameters parameters, List<DirectoryEntry> directory,
		List<PoolEntry> pool, Commitment commitment, String seed, DrawResult result, List<Excluded> excluded) {

	public record Plan(long id, String name, int year, long drawId, int attempt) {
	}

	public record Commitment(String seedHash, String directoryHash, String poolHash, String commitment, String committedAt) {
	}

	public record Excluded(String code, String name, String reason) {
	}

	/** 济南市（3701）: the city of a pool inspector's unit, as the proof page of a cross-city draw shows it. */
	public String cityOf(String inspectorId) {
		return Cities.label(pool == null ? "" : pool.stream().filter(p -> p.id().equals(inspectorId)).map(PoolEntry::region)
			.findFirst().orElse(""));
	}

	/** Recomputes hashes, commitment and draw from the inputs and lists every disagreement, in Chinese. */
	public DrawVerification verify() {
		List<String> problems = new ArrayList<>();
		if (!Canonical.FORMAT.equals(format)) {
			problems.add("不支持的格式 " + format + "，应为 " + Canonical.FORMAT);
			return new DrawVerification(problems);
		}
		if (parameters == null || directory == null || pool == null || commitment == null) {
			problems.add("缺少抽取参数、检查对象名录、检查人员名录或承诺值");
			return new DrawVerification(problems);
		}
		String directoryHash = Canonical.directoryHash(directory);
		String poolHash = Canonical.poolHash(pool);
		if (!directoryHash.equals(commitment.directoryHash())) {
			problems.add("检查对象名录快照的哈希 " + directoryHash + " 与承诺时公布的 " + commitment.directoryHash() + " 不符");
		}
		if (!poolHash.equals(commitment.poolHash())) {
			problems.add("检查人员名录快照的哈希 " + poolHash + " 与承诺时公布的 " + commitment.poolHash() + " 不符");
		}
		if (seed == null || result == null) {
			problems.add("随机种子尚未公布，只能核对名录快照");
			return new DrawVerification(problems);
		}
		String seedHash;
		try {
			seedHash = Canonical.seedHash(seed);
		}
		catch (IllegalArgumentException e) {
			problems.add("随机种子格式错误：应为 64 位小写十六进制");
			return new DrawVerification(problems);
		}
		if (!seedHash.equals(commitment.seedHash())) {
			problems.add("公布的随机种子的哈希 " + seedHash + " 与抽取前公布的承诺 " + commitment.seedHash() + " 不符");
		}
		String recomputed = Canonical.commitment(parameters, commitment.seedHash(), commitment.directoryHash(),
				commitment.poolHash());
		if (!recomputed.equals(commitment.commitment())) {
			problems.add("承诺值 " + commitment.commitment() + " 与按参数和哈希重新计算的 " + recomputed + " 不符");
		}
		try {
			DrawResult again = Draw.run(seed, parameters, directory, pool);
			if (!again.institutions().equals(result.institutions())) {
				problems.add("重新抽取的检查对象或检查组与公布结果不符");
			}
			if (!again.skipped().equals(result.skipped())) {
				problems.add("重新计算的回避记录与公布结果不符");
			}
		}
		catch (NotEnoughInspectors e) {
			problems.add("按公布的输入无法完成抽取：" + e.getMessage());
		}
		return new DrawVerification(problems);
	}
}
