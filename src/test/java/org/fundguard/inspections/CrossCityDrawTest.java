package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-city draw (跨市交叉互查) of a provincial bureau: no team member comes from the inspected institution's
 * city, every inspector passed over is recorded with the reason, and the mode is part of the commitment while
 * draws committed before it existed keep their canonical line, hash and verification.
 */
class CrossCityDrawTest {

	static final String[] CITIES = { "370102", "370203", "370303" };

	@TempDir
	Path temp;

	static DrawParameters crossCity(int count, int team) {
		return new DrawParameters(count, null, DrawParameters.Stratification.REGION, false, team, true, true);
	}

	/** 36 institutions, 12 in each of 济南, 青岛 and 淄博. */
	static List<DirectoryEntry> province() {
		List<DirectoryEntry> entries = new ArrayList<>();
		for (int i = 0; i < 36; i++) {
			String region = CITIES[i % 3];
			entries.add(new DirectoryEntry("H" + region + "%05d".formatted(i + 1), "机构" + (i + 1), "hospital", "2", region, 1));
		}
		return entries;
	}

	/** Three inspectors per city, units at the city level (370100) or a district. */
	static List<PoolEntry> provincePool() {
		List<PoolEntry> pool = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			String city = CITIES[i % 3].substring(0, 4);
			pool.add(new PoolEntry("JC" + city + "%02d".formatted(i), "稽核" + city, i < 3 ? city + "00" : CITIES[i % 3], List.of()));
		}
		return pool;
	}

	@Test
	void noTeamMemberComesFromTheInstitutionsCityWhateverTheSeed() {
		List<DirectoryEntry> directory = province();
		Map<String, PoolEntry> pool = provincePool().stream().collect(Collectors.toMap(PoolEntry::id, Function.identity()));
		Map<String, String> regionOf = directory.stream().collect(Collectors.toMap(DirectoryEntry::code, DirectoryEntry::region));
		int teams = 0;
		for (int s = 0; s < 40; s++) {
			DrawResult result = Draw.run(DrawFixtures.seed(s), crossCity(9, 3), directory, List.copyOf(pool.values()));
			for (DrawResult.Drawn d : result.institutions()) {
				String city = regionOf.get(d.code()).substring(0, 4);
				assertThat(d.team()).hasSize(3).allSatisfy(id -> assertThat(pool.get(id).region()).doesNotStartWith(city));
				// each of the 3 inspectors of the institution's own city is passed over, with the reason
				assertThat(result.skipped()).filteredOn(skip -> skip.institution().equals(d.code()))
					.extracting(DrawResult.Skip::inspector)
					.containsExactlyInAnyOrderElementsOf(pool.values().stream()
						.filter(p -> p.region().startsWith(city))
						.map(PoolEntry::id)
						.toList());
				teams++;
			}
		}
		assertThat(teams).isEqualTo(40 * 9);
	}

	@Test
	void aSkippedInspectorOfTheSameCityIsRecordedAsSuchEvenWhereTheSameRegionAlsoApplies() {
		DirectoryEntry institution = new DirectoryEntry("H37030300001", "淄博第一医院", "hospital", "3", "370303", 1);
		List<PoolEntry> pool = List.of(new PoolEntry("A", "淄博稽核", "370303", List.of()),
				new PoolEntry("B", "淄博市局", "370300", List.of()), new PoolEntry("C", "济南稽核", "370102", List.of()),
				new PoolEntry("D", "青岛稽核", "370203", List.of("H37030300001")), new PoolEntry("E", "青岛市局", "370200", List.of()),
				new PoolEntry("F", "未填区划", "", List.of()));

		DrawResult result = Draw.run(DrawFixtures.SEED, crossCity(1, 2), List.of(institution), pool);

		assertThat(result.institutions().getFirst().team()).containsExactlyInAnyOrder("C", "E");
		assertThat(result.skipped()).containsExactly(new DrawResult.Skip("H37030300001", "A", DrawResult.Reason.SAME_CITY),
				new DrawResult.Skip("H37030300001", "B", DrawResult.Reason.SAME_CITY),
				new DrawResult.Skip("H37030300001", "D", DrawResult.Reason.CONFLICT),
				new DrawResult.Skip("H37030300001", "F", DrawResult.Reason.CITY_UNKNOWN));
		assertThat(DrawResult.Reason.SAME_CITY.label()).isEqualTo("跨市交叉：同市回避");
	}

	@Test
	void tooFewInspectorsOfOtherCitiesStopTheDrawWithAClearChineseReason() {
		DirectoryEntry institution = new DirectoryEntry("H37030300001", "淄博第一医院", "hospital", "3", "370303", 1);
		List<PoolEntry> pool = List.of(new PoolEntry("A", "淄博稽核", "370303", List.of()),
				new PoolEntry("B", "淄博市局", "370300", List.of()), new PoolEntry("C", "济南稽核", "370102", List.of()));

		// without the cross-city recusal the same pool makes a team (B and C; A is of the same region)
		assertThat(Draw.run(DrawFixtures.SEED, new DrawParameters(1, null, null, false, 2, true), List.of(institution), pool)
			.institutions()).hasSize(1);
		assertThatThrownBy(() -> Draw.run(DrawFixtures.SEED, crossCity(1, 2), List.of(institution), pool))
			.isInstanceOf(NotEnoughInspectors.class)
			.hasMessageContaining("跨市交叉互查")
			.hasMessageContaining("淄博第一医院（H37030300001）需要 2 名 3703 以外城市的检查人员，回避后仅有 1 名");
	}

	@Test
	void theCrossCityModeIsFrozenIntoTheCommitmentAndOldParameterLinesStayAsTheyWere() {
		DrawParameters old = new DrawParameters(null, 1000, DrawParameters.Stratification.TYPE, true, 2, true);
		assertThat(old.canonical()).isEqualTo("sample=ratio:1000;stratify=type;weighted=1;team=2;recuse-region=1");
		assertThat(PlanDraws.parametersOf(old.canonical())).isEqualTo(old);

		DrawParameters cross = crossCity(9, 3);
		assertThat(cross.canonical()).isEqualTo("sample=count:9;stratify=region;weighted=0;team=3;recuse-region=1;recuse=city");
		assertThat(PlanDraws.parametersOf(cross.canonical())).isEqualTo(cross);

		DrawParameters sameButCityBlind = new DrawParameters(9, null, DrawParameters.Stratification.REGION, false, 3, true, false);
		assertThat(Canonical.commitment(cross, "s", "d", "p")).isNotEqualTo(Canonical.commitment(sameButCityBlind, "s", "d", "p"));
		// a draw without the recusal would have put same-city inspectors on teams: the mode changes the draw itself
		DrawResult blind = Draw.run(DrawFixtures.SEED, sameButCityBlind, province(), provincePool());
		assertThat(blind.institutions()).anySatisfy(d -> assertThat(d.team()).anyMatch(id -> id.startsWith("JC" + d.code().substring(1, 5))));
	}

	@Test
	void onlyABureauWhoseJurisdictionSpansSeveralCitiesPlansACrossCityInspection() {
		var draft = new PlanDraft("交叉互查", 2026, List.of(), List.of(), List.of(), 3, null, null, false, 2,
				java.time.LocalDate.of(2026, 12, 31), true);
		var city = new InspectionPlans(null, java.time.Clock.systemUTC(),
				new org.fundguard.identity.Jurisdiction("淄博市医疗保障局", List.of("3703")));
		assertThatThrownBy(() -> city.create(draft, "inspector1")).isInstanceOf(org.fundguard.errors.Refused.class)
			.hasMessage("跨市交叉互查只适用于省级医保部门（管辖区划覆盖多个城市）");
		assertThat(Cities.provincial(List.of("37"))).isTrue();
		assertThat(Cities.provincial(List.of("3703"))).isFalse();
		assertThat(Cities.label("370303")).isEqualTo("淄博市（3703）");
		assertThat(Cities.bureau("370102")).isEqualTo("济南市（3701）医保局");
	}

	static PublishedDraw published(DrawParameters parameters) {
		List<DirectoryEntry> directory = province();
		List<PoolEntry> pool = provincePool();
		String seedHash = Canonical.seedHash(DrawFixtures.SEED);
		String dh = Canonical.directoryHash(directory);
		String ph = Canonical.poolHash(pool);
		return new PublishedDraw(Canonical.FORMAT, new PublishedDraw.Plan(1, "2026年全省联合交叉互查", 2026, 1, 1), parameters,
				directory, pool,
				new PublishedDraw.Commitment(seedHash, dh, ph, Canonical.commitment(parameters, seedHash, dh, ph), "2026-06-01T09:00:00+08:00"),
				DrawFixtures.SEED, Draw.run(DrawFixtures.SEED, parameters, directory, pool), List.of());
	}

	@Test
	void theCommandVerifiesACrossCityDrawAndRejectsOneWhoseRecusalWasDroppedAfterTheCommitment() throws Exception {
		ObjectMapper json = new ObjectMapper();
		Path good = temp.resolve("cross.json");
		json.writeValue(good.toFile(), published(crossCity(9, 3)));
		assertThat(json.readTree(good.toFile()).path("parameters").path("recuseSameCity").asBoolean()).isTrue();
		ObjectNode node = (ObjectNode) json.readTree(good.toFile());
		((ObjectNode) node.get("parameters")).put("recuseSameCity", false);
		Path bad = temp.resolve("dropped.json");
		json.writeValue(bad.toFile(), node);

		var out = new ByteArrayOutputStream();
		assertThat(DrawCommand.run(new String[] { "verify", good.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8)))
			.isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("验证通过", "MATCH");
		out.reset();
		assertThat(DrawCommand.run(new String[] { "verify", bad.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8)))
			.isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("承诺值", "MISMATCH");
	}

	@Test
	void aDownloadFromBeforeTheCrossCityModeStillVerifies() throws Exception {
		// a file downloaded before this change has no recuseSameCity field at all
		ObjectMapper json = new ObjectMapper();
		ObjectNode node = json.valueToTree(PublishedDrawTest.published());
		((ObjectNode) node.get("parameters")).remove("recuseSameCity");
		Path old = temp.resolve("old.json");
		json.writeValue(old.toFile(), node);

		var out = new ByteArrayOutputStream();
		assertThat(DrawCommand.run(new String[] { "verify", old.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8)))
			.isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("验证通过");
	}
}
