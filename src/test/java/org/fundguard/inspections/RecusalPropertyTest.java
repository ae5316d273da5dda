package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Recusal holds for every directory and pool: across many random ones (from a fixed java.util.Random, so the cases
 * are the same every run) no team holds an inspector who declared a conflict with its institution or, where
 * configured, whose unit is in its region; every inspector passed over is in the record with the right reason; and
 * a draw stops only when some drawn institution really lacks eligible inspectors.
 */
class RecusalPropertyTest {

	@Test
	void noDrawEverBreaksRecusalAcrossManyRandomDirectoriesAndPools() {
		Random random = new Random(20260601);
		int completed = 0;
		int stopped = 0;
		for (int round = 0; round < 400; round++) {
			List<DirectoryEntry> directory = randomDirectory(random);
			List<PoolEntry> pool = randomPool(random, directory);
			boolean recuseRegion = random.nextBoolean();
			int team = 2 + random.nextInt(2);
			var parameters = new DrawParameters(1 + random.nextInt(directory.size()), null,
					DrawParameters.Stratification.values()[random.nextInt(4)], random.nextBoolean(), team, recuseRegion);
			String seed = DrawFixtures.seed(random);
			try {
				DrawResult result = Draw.run(seed, parameters, directory, pool);
				check(result, directory, pool, recuseRegion);
				completed++;
			}
			catch (NotEnoughInspectors e) {
				assertThat(someInstitutionLacksInspectors(directory, pool, recuseRegion, team)).as(e.getMessage()).isTrue();
				stopped++;
			}
		}
		// both outcomes occur, so both branches of the property were exercised
		assertThat(completed).isGreaterThan(100);
		assertThat(stopped).isGreaterThan(10);
	}

	private static void check(DrawResult result, List<DirectoryEntry> directory, List<PoolEntry> pool, boolean recuseRegion) {
		Map<String, DirectoryEntry> institutions = directory.stream().collect(Collectors.toMap(DirectoryEntry::code, Function.identity()));
		Map<String, PoolEntry> inspectors = pool.stream().collect(Collectors.toMap(PoolEntry::id, Function.identity()));
		for (DrawResult.Drawn drawn : result.institutions()) {
			DirectoryEntry institution = institutions.get(drawn.code());
			Set<String> skippedHere = new HashSet<>();
			for (DrawResult.Skip skip : result.skipped()) {
				if (skip.institution().equals(drawn.code())) {
					skippedHere.add(skip.inspector());
					PoolEntry p = inspectors.get(skip.inspector());
					assertThat(skip.reason() == DrawResult.Reason.CONFLICT ? p.conflicts().contains(drawn.code())
							: recuseRegion && p.region().equals(institution.region())).isTrue();
				}
			}
			for (String id : drawn.team()) {
				PoolEntry p = inspectors.get(id);
				assertThat(p.conflicts()).doesNotContain(drawn.code());
				if (recuseRegion) {
					assertThat(p.region()).isNotEqualTo(institution.region());
				}
			}
			// everyone ineligible is recorded, nobody eligible is
			for (PoolEntry p : pool) {
				boolean ineligible = p.conflicts().contains(drawn.code()) || recuseRegion && p.region().equals(institution.region());
				assertThat(skippedHere.contains(p.id())).isEqualTo(ineligible);
			}
		}
	}

	private static boolean someInstitutionLacksInspectors(List<DirectoryEntry> directory, List<PoolEntry> pool,
			boolean recuseRegion, int team) {
		return directory.stream().anyMatch(d -> pool.stream()
			.filter(p -> !p.conflicts().contains(d.code()) && !(recuseRegion && p.region().equals(d.region())))
			.count() < team);
	}

	private static List<DirectoryEntry> randomDirectory(Random random) {
		int size = 1 + random.nextInt(30);
		List<DirectoryEntry> directory = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			String region = DrawFixtures.REGIONS[random.nextInt(3)];
			String type = DrawFixtures.TYPES[random.nextInt(3)];
			directory.add(new DirectoryEntry((type.equals("pharmacy") ? "P" : "H") + region + "%05d".formatted(i),
					"机构" + i, type, String.valueOf(random.nextInt(4)), region, 1 + random.nextInt(5)));
		}
		return directory;
	}

	private static List<PoolEntry> randomPool(Random random, List<DirectoryEntry> directory) {
		int size = 2 + random.nextInt(8);
		List<PoolEntry> pool = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			List<String> conflicts = new ArrayList<>();
			for (DirectoryEntry d : directory) {
				if (random.nextInt(4) == 0) {
					conflicts.add(d.code());
				}
			}
			pool.add(new PoolEntry("I" + i, "科" + i, DrawFixtures.REGIONS[random.nextInt(4)], conflicts));
		}
		return pool;
	}
}
