package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The draw is a function of its inputs: the same inputs give the same draw, any changed input another one. */
class DrawTest {

	private final List<DirectoryEntry> directory = DrawFixtures.directory(60);
	private final List<PoolEntry> pool = DrawFixtures.pool(12);
	private final DrawParameters tenPercent = DrawFixtures.ratio(1000);

	@Test
	void theSameInputsGiveTheSameDrawEveryTime() {
		DrawResult first = Draw.run(DrawFixtures.SEED, tenPercent, directory, pool);

		assertThat(Draw.run(DrawFixtures.SEED, tenPercent, new ArrayList<>(directory).reversed(), pool.reversed()))
			.isEqualTo(first);
		assertThat(first.institutions()).hasSize(6).allSatisfy(d -> assertThat(d.team()).hasSize(2).doesNotHaveDuplicates());
		assertThat(first.institutions().stream().map(DrawResult.Drawn::code)).doesNotHaveDuplicates();
	}

	@Test
	void anotherSeedGivesAnotherDraw() {
		assertThat(Draw.run(DrawFixtures.seed(1), tenPercent, directory, pool))
			.isNotEqualTo(Draw.run(DrawFixtures.SEED, tenPercent, directory, pool));
	}

	@Test
	void changingOneDirectoryEntryChangesTheDraw() {
		DrawResult before = Draw.run(DrawFixtures.SEED, tenPercent, directory, pool);
		List<DirectoryEntry> renamed = new ArrayList<>(directory);
		DirectoryEntry last = renamed.removeLast();
		renamed.add(new DirectoryEntry(last.code(), last.name() + "（新）", last.type(), last.level(), last.region(), 1));

		assertThat(Draw.run(DrawFixtures.SEED, tenPercent, renamed, pool)).isNotEqualTo(before);
		assertThat(Canonical.directoryHash(renamed)).isNotEqualTo(Canonical.directoryHash(directory));
	}

	@Test
	void changingOnePoolEntryChangesTheDraw() {
		DrawResult before = Draw.run(DrawFixtures.SEED, tenPercent, directory, pool);
		List<PoolEntry> changed = new ArrayList<>(pool);
		PoolEntry first = changed.removeFirst();
		changed.add(new PoolEntry(first.id(), first.unit(), first.region(), List.of("H37039900001")));

		assertThat(Draw.run(DrawFixtures.SEED, tenPercent, directory, changed)).isNotEqualTo(before);
	}

	@Test
	void changingTheSampleSizeChangesTheDraw() {
		DrawResult before = Draw.run(DrawFixtures.SEED, tenPercent, directory, pool);

		DrawResult byCount = Draw.run(DrawFixtures.SEED, DrawFixtures.count(6), directory, pool);
		assertThat(byCount.institutions()).hasSize(6);
		assertThat(byCount).isNotEqualTo(before);
		assertThat(Draw.run(DrawFixtures.SEED, DrawFixtures.ratio(1100), directory, pool)).isNotEqualTo(before);
	}

	@Test
	void theSampleIsTheRatioRoundedUpOrTheCountCappedByTheDirectory() {
		assertThat(DrawFixtures.ratio(1000).sampleSize(60)).isEqualTo(6);
		assertThat(DrawFixtures.ratio(1000).sampleSize(61)).isEqualTo(7);
		assertThat(DrawFixtures.ratio(1000).sampleSize(1)).isEqualTo(1);
		assertThat(DrawFixtures.ratio(1000).sampleSize(0)).isZero();
		assertThat(DrawFixtures.count(80).sampleSize(60)).isEqualTo(60);
	}

	@Test
	void aStratifiedDrawGivesEachStratumItsProportionalShareByLargestRemainder() {
		var byType = new DrawParameters(7, null, DrawParameters.Stratification.TYPE, false, 2, false);

		DrawResult result = Draw.run(DrawFixtures.SEED, byType, directory, pool);

		// 20 of each type, 7 places: 2 each and the leftover place to the first key by remainder tie, "clinic"
		Map<String, Long> perStratum = result.institutions().stream()
			.collect(Collectors.groupingBy(DrawResult.Drawn::stratum, TreeMap::new, Collectors.counting()));
		assertThat(perStratum).containsExactly(Map.entry("clinic", 3L), Map.entry("hospital", 2L), Map.entry("pharmacy", 2L));
		assertThat(result.institutions()).allSatisfy(d -> assertThat(directory.stream()
			.filter(e -> e.code().equals(d.code()))
			.findFirst()
			.orElseThrow()
			.type()).isEqualTo(d.stratum()));
	}

	@Test
	void recusalSkipsConflictsAndInspectorsOfTheSameRegionAndRecordsWhy() {
		DirectoryEntry institution = new DirectoryEntry("H37030300001", "第一医院", "hospital", "3", "370303", 1);
		List<PoolEntry> smallPool = List.of(new PoolEntry("A", "一科", "370303", List.of()),
				new PoolEntry("B", "二科", "370300", List.of("H37030300001")), new PoolEntry("C", "三科", "370300", List.of()),
				new PoolEntry("D", "四科", "370302", List.of()));

		DrawResult result = Draw.run(DrawFixtures.SEED, DrawFixtures.count(1), List.of(institution), smallPool);

		assertThat(result.institutions().getFirst().team()).containsExactlyInAnyOrder("C", "D");
		assertThat(result.skipped()).containsExactly(
				new DrawResult.Skip("H37030300001", "A", DrawResult.Reason.SAME_REGION),
				new DrawResult.Skip("H37030300001", "B", DrawResult.Reason.CONFLICT));
	}

	@Test
	void tooFewEligibleInspectorsStopTheDrawWithAClearMessage() {
		DirectoryEntry institution = new DirectoryEntry("H37030300001", "第一医院", "hospital", "3", "370303", 1);
		List<PoolEntry> smallPool = List.of(new PoolEntry("A", "一科", "370303", List.of()),
				new PoolEntry("B", "二科", "370300", List.of()));

		assertThatThrownBy(() -> Draw.run(DrawFixtures.SEED, DrawFixtures.count(1), List.of(institution), smallPool))
			.isInstanceOf(NotEnoughInspectors.class)
			.hasMessageContaining("第一医院（H37030300001）需要 2 名，回避后仅有 1 名");
	}

	@Test
	void riskWeightsDrawHeavierInstitutionsMoreOften() {
		List<DirectoryEntry> weighted = new ArrayList<>(DrawFixtures.directory(10));
		DirectoryEntry heavy = weighted.removeFirst();
		weighted.add(new DirectoryEntry(heavy.code(), heavy.name(), heavy.type(), heavy.level(), heavy.region(), 10));
		var one = new DrawParameters(1, null, DrawParameters.Stratification.NONE, true, 2, false);

		int heavyDrawn = 0;
		for (int s = 0; s < 2000; s++) {
			if (Draw.run(DrawFixtures.seed(s), one, weighted, pool).institutions().getFirst().code().equals(heavy.code())) {
				heavyDrawn++;
			}
		}
		// weight 10 of a total 19: expected 1053 of 2000, standard deviation about 22
		assertThat(heavyDrawn).isBetween(1053 - 90, 1053 + 90);
	}

	@Test
	void theCanonicalTextEscapesSeparatorsSoThatNoTwoDirectoriesShareAHash() {
		var a = List.of(new DirectoryEntry("H1", "甲|乙", "clinic", "", "370303", 1));
		var b = List.of(new DirectoryEntry("H1", "甲", "乙|clinic", "", "370303", 1));

		assertThat(Canonical.directoryText(a)).isEqualTo("H1|甲\\p乙|clinic||370303|1\n");
		assertThat(Canonical.directoryHash(a)).isNotEqualTo(Canonical.directoryHash(b));
		Set<String> hashes = new HashSet<>();
		for (int n = 0; n < 5; n++) {
			hashes.add(Canonical.seedHash(DrawFixtures.seed(n)));
		}
		assertThat(hashes).hasSize(5);
	}
}
