package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Over many seeds every institution and every inspector is drawn about equally often. The seeds are fixed
 * (SHA-256 of "seed-n"), so the test gives the same statistic every run: it is a check of the algorithm, not a
 * flaky sample. Critical values of the chi-square distribution at p = 0.001.
 */
class DrawUniformityTest {

	private static final int SEEDS = 3000;

	@Test
	void everyInstitutionIsDrawnEquallyOftenByChiSquare() {
		List<DirectoryEntry> directory = DrawFixtures.directory(20);
		var three = new DrawParameters(3, null, DrawParameters.Stratification.NONE, false, 2, false);
		Map<String, Integer> counts = new HashMap<>();
		for (int s = 0; s < SEEDS; s++) {
			Draw.run(DrawFixtures.seed(s), three, directory, DrawFixtures.pool(6))
				.institutions()
				.forEach(d -> counts.merge(d.code(), 1, Integer::sum));
		}

		double expected = SEEDS * 3.0 / directory.size();
		double chiSquare = directory.stream().mapToDouble(e -> {
			double observed = counts.getOrDefault(e.code(), 0);
			return (observed - expected) * (observed - expected) / expected;
		}).sum();
		// 19 degrees of freedom
		assertThat(chiSquare).as("chi-square of %s", counts).isLessThan(43.82);
		assertThat(counts).hasSize(20);
	}

	@Test
	void everyEligibleInspectorIsDrawnEquallyOftenByChiSquare() {
		List<PoolEntry> pool = DrawFixtures.pool(10);
		List<DirectoryEntry> one = List.of(new DirectoryEntry("H37030300001", "医院", "hospital", "2", "370399", 1));
		Map<String, Integer> counts = new HashMap<>();
		for (int s = 0; s < SEEDS; s++) {
			Draw.run(DrawFixtures.seed(s), DrawFixtures.count(1), one, pool)
				.institutions()
				.getFirst()
				.team()
				.forEach(id -> counts.merge(id, 1, Integer::sum));
		}

		double expected = SEEDS * 2.0 / pool.size();
		double chiSquare = pool.stream().mapToDouble(p -> {
			double observed = counts.getOrDefault(p.id(), 0);
			return (observed - expected) * (observed - expected) / expected;
		}).sum();
		// 9 degrees of freedom
		assertThat(chiSquare).as("chi-square of %s", counts).isLessThan(27.88);
	}
}
