package org.fundguard.inspections;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The draw (抽取算法, format {@value Canonical#FORMAT}): a deterministic function of the seed and the frozen inputs, so
 * that anyone holding the published inputs gets the same institutions and teams. Only integer arithmetic is used, so
 * that a browser reproduces it bit for bit.
 * <ol>
 * <li>Sample size n from the parameters ({@link DrawParameters#sampleSize}).</li>
 * <li>Strata: the directory grouped by the stratification field, strata in key order (one stratum "*" when not
 * stratified). Stratum s of N_s institutions gets ⌊n·N_s/N⌋; the leftover places go one each to the strata with the
 * largest remainder n·N_s mod N, ties to the smaller key.</li>
 * <li>Institutions: within a stratum, candidates sorted by code. Step i (from 0) takes r = R("institution|s|i") mod W,
 * W the sum of the remaining candidates' weights, and picks the candidate whose cumulative weight interval
 * [c, c + w) holds r; it leaves the candidates. With weights 1 this is uniform sampling without replacement; with
 * risk weights it is successive weighted sampling (each pick proportional to weight among those left).</li>
 * <li>Teams, for the drawn institutions in draw order: the active inspectors sorted by id, less those who declared a
 * conflict with the institution (CONFLICT) and, where the parameters say so, those whose unit is in the
 * institution's region (SAME_REGION); in a cross-city draw ({@code recuse=city}) also those whose unit's city is the
 * institution's city (SAME_CITY) or whose city is unknown (CITY_UNKNOWN), checked before SAME_REGION, which a same
 * city already covers; every one passed over is recorded with the first reason that applies. Too few left: the draw stops. Otherwise
 * step j takes r = R("inspector|code|j") mod (eligible left) and picks that one.</li>
 * </ol>
 * R(m) = HMAC-SHA-256(drawKey, m) as an unsigned 256-bit integer; drawKey is defined in {@link Canonical}.
 */
public final class Draw {

	private Draw() {
	}

	public static DrawResult run(String seedHex, DrawParameters parameters, List<DirectoryEntry> directory,
			List<PoolEntry> pool) {
		byte[] key = Canonical.drawKey(seedHex, parameters, Canonical.directoryHash(directory), Canonical.poolHash(pool));
		Map<String, List<DirectoryEntry>> strata = new TreeMap<>();
		directory.stream()
			.sorted(Comparator.comparing(DirectoryEntry::code))
			.forEach(e -> strata.computeIfAbsent(parameters.stratifyBy().stratumOf(e), k -> new ArrayList<>()).add(e));
		Map<String, Integer> quotas = quotas(strata, parameters.sampleSize(directory.size()), directory.size());

		List<PoolEntry> inspectors = pool.stream().sorted(Comparator.comparing(PoolEntry::id)).toList();
		List<DrawResult.Drawn> drawn = new ArrayList<>();
		List<DrawResult.Skip> skipped = new ArrayList<>();
		for (var stratum : strata.entrySet()) {
			List<DirectoryEntry> left = new ArrayList<>(stratum.getValue());
			for (int i = 0; i < quotas.get(stratum.getKey()); i++) {
				DirectoryEntry institution = pick(left, Canonical.number(key, "institution|" + stratum.getKey() + "|" + i));
				List<String> team = team(key, institution, inspectors, parameters, skipped);
				drawn.add(new DrawResult.Drawn(drawn.size() + 1, institution.code(), institution.name(), stratum.getKey(), team));
			}
		}
		return new DrawResult(drawn, skipped);
	}

	/** Proportional allocation by largest remainder. */
	static Map<String, Integer> quotas(Map<String, List<DirectoryEntry>> strata, int n, int total) {
		Map<String, Integer> quotas = new LinkedHashMap<>();
		Map<String, Long> remainders = new LinkedHashMap<>();
		int given = 0;
		for (var s : strata.entrySet()) {
			long share = (long) n * s.getValue().size();
			quotas.put(s.getKey(), (int) (share / total));
			remainders.put(s.getKey(), share % total);
			given += (int) (share / total);
		}
		List<String> byRemainder = remainders.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.toList();
		for (int i = 0; i < n - given; i++) {
			quotas.merge(byRemainder.get(i), 1, Integer::sum);
		}
		return quotas;
	}

	private static DirectoryEntry pick(List<DirectoryEntry> left, BigInteger random) {
		long total = left.stream().mapToLong(DirectoryEntry::weight).sum();
		long r = random.mod(BigInteger.valueOf(total)).longValueExact();
		long cumulative = 0;
		for (int i = 0; i < left.size(); i++) {
			cumulative += left.get(i).weight();
			if (r < cumulative) {
				return left.remove(i);
			}
		}
		throw new IllegalStateException("unreachable: r < total weight");
	}

	private static List<String> team(byte[] key, DirectoryEntry institution, List<PoolEntry> inspectors,
			DrawParameters parameters, List<DrawResult.Skip> skipped) {
		List<PoolEntry> eligible = new ArrayList<>();
		for (PoolEntry p : inspectors) {
			if (p.conflicts().contains(institution.code())) {
				skipped.add(new DrawResult.Skip(institution.code(), p.id(), DrawResult.Reason.CONFLICT));
			}
			else if (parameters.recuseSameCity() && DrawParameters.cityOf(p.region()).isEmpty()) {
				skipped.add(new DrawResult.Skip(institution.code(), p.id(), DrawResult.Reason.CITY_UNKNOWN));
			}
			else if (parameters.recuseSameCity()
					&& DrawParameters.cityOf(p.region()).equals(DrawParameters.cityOf(institution.region()))) {
				skipped.add(new DrawResult.Skip(institution.code(), p.id(), DrawResult.Reason.SAME_CITY));
			}
			else if (parameters.recuseSameRegion() && p.region().equals(institution.region())) {
				skipped.add(new DrawResult.Skip(institution.code(), p.id(), DrawResult.Reason.SAME_REGION));
			}
			else {
				eligible.add(p);
			}
		}
		int needed = parameters.inspectorsPerInstitution();
		if (eligible.size() < needed) {
			if (parameters.recuseSameCity()) {
				throw new NotEnoughInspectors(institution.code(), institution.name(), DrawParameters.cityOf(institution.region()),
						needed, eligible.size());
			}
			throw new NotEnoughInspectors(institution.code(), institution.name(), needed, eligible.size());
		}
		List<String> team = new ArrayList<>();
		for (int j = 0; j < needed; j++) {
			BigInteger r = Canonical.number(key, "inspector|" + institution.code() + "|" + j);
			team.add(eligible.remove(r.mod(BigInteger.valueOf(eligible.size())).intValueExact()).id());
		}
		return team;
	}
}
