package org.fundguard.rechecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fundguard.cases.ClosedCases;
import org.fundguard.cases.SubjectType;
import org.fundguard.inspections.Canonical;
import org.fundguard.inspections.Draw;
import org.fundguard.inspections.DrawResult;
import org.fundguard.inspections.InspectionResult;
import org.fundguard.inspections.Inspector;
import org.fundguard.inspections.InspectorPool;
import org.fundguard.inspections.PublishedDraw;
import org.fundguard.inspections.RecordedInspections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The re-check draw on the random inspections' algorithm: the same seed and inputs give the same sample, the
 * published inputs verify (and fail once tampered with), the sample has the configured size split by kind, and nobody
 * re-checks what he or she handled or an institution he or she declared a conflict with.
 */
class RecheckDrawTest {

	static final String SEED = "3f".repeat(32);

	private final ClosedCases cases = mock(ClosedCases.class);
	private final RecordedInspections inspections = mock(RecordedInspections.class);
	private final InspectorPool pool = mock(InspectorPool.class);
	private RecheckCandidates.Frozen frozen;

	@BeforeEach
	void year() {
		List<ClosedCases.ClosedCase> closed = new ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			closed.add(new ClosedCases.ClosedCase("3703-2033-%04d".formatted(i),
					i % 5 == 0 ? SubjectType.PERSON : SubjectType.INSTITUTION,
					i % 5 == 0 ? "370303198001011234" : "H370302%05d".formatted(i), "370302", List.of("I0" + (i % 4))));
		}
		List<RecordedInspections.Recorded> recorded = new ArrayList<>();
		for (long i = 1; i <= 10; i++) {
			recorded.add(new RecordedInspections.Recorded(100 + i, "H370303%05d".formatted(i), "370303",
					InspectionResult.NO_PROBLEM, List.of("I0" + (i % 4), "I0" + ((i + 1) % 4))));
		}
		when(cases.closedOpenedIn(2033)).thenReturn(closed);
		when(inspections.recordedIn(2033)).thenReturn(recorded);
		List<Inspector> inspectors = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			inspectors.add(new Inspector("I0" + i, "检查员" + i, "淄博市医保局", "370300", "ZF" + i, i != 7, null,
					i == 6 ? List.of("H37030200001") : List.of(), List.of(), OffsetDateTime.now()));
		}
		when(pool.all()).thenReturn(inspectors);
		frozen = new RecheckCandidates(cases, inspections, pool).freeze(2033);
	}

	@Test
	void theCandidatesNameCaseNumbersAndInstitutionCodesButNeverAPerson() {
		assertThat(frozen.directory()).hasSize(40);
		assertThat(frozen.directory()).extracting(e -> e.name()).doesNotContain("370303198001011234").contains("");
		assertThat(Canonical.directoryText(frozen.directory())).doesNotContain("370303198001011234");
		assertThat(frozen.pool()).hasSize(7).extracting(p -> p.id()).doesNotContain("I07");
	}

	@Test
	void theSameSeedDrawsTheSameSampleOfTheConfiguredSizeSplitByKind() {
		RechecksProperties fivePercent = new RechecksProperties(null, 500, 2, 20);
		var parameters = drawsWith(fivePercent).parameters();
		DrawResult once = Draw.run(SEED, parameters, frozen.directory(), frozen.pool());
		DrawResult again = Draw.run(SEED, parameters, frozen.directory(), frozen.pool());

		assertThat(again).isEqualTo(once);
		// ⌈40 × 5 %⌉ = 2: the 30 cases get ⌊2·30/40⌋ = 1, the 10 inspections ⌊2·10/40⌋ = 0; both remainders are 20,
		// and the tie goes to the smaller stratum name, 检查结果 (U+68C0) before 稽核案件 (U+7A3D)
		assertThat(once.institutions()).hasSize(2);
		Map<String, Long> byKind = once.institutions().stream()
			.collect(Collectors.groupingBy(DrawResult.Drawn::stratum, Collectors.counting()));
		assertThat(byKind).containsEntry(RecheckCandidates.CASE_TYPE, 1L).containsEntry(RecheckCandidates.INSPECTION_TYPE, 1L);

		var quarter = drawsWith(new RechecksProperties(null, 2500, 2, 20)).parameters();
		DrawResult tenItems = Draw.run(SEED, quarter, frozen.directory(), frozen.pool());
		assertThat(tenItems.institutions()).hasSize(10);
		assertThat(tenItems.institutions().stream().filter(d -> d.stratum().equals(RecheckCandidates.INSPECTION_TYPE)))
			.hasSize(3);
		assertThat(Draw.run("a1".repeat(32), quarter, frozen.directory(), frozen.pool()).institutions())
			.isNotEqualTo(tenItems.institutions());

		var count = drawsWith(new RechecksProperties(7, null, 3, 20)).parameters();
		DrawResult seven = Draw.run(SEED, count, frozen.directory(), frozen.pool());
		assertThat(seven.institutions()).hasSize(7).allSatisfy(d -> assertThat(d.team()).hasSize(3).doesNotHaveDuplicates());
	}

	@Test
	void nobodyRechecksWhatHeOrSheHandledOrAnInstitutionOfDeclaredConflict() {
		var everything = drawsWith(new RechecksProperties(40, null, 2, 20)).parameters();
		DrawResult all = Draw.run(SEED, everything, frozen.directory(), frozen.pool());

		assertThat(all.institutions()).hasSize(40);
		for (DrawResult.Drawn d : all.institutions()) {
			List<String> handlers = frozen.byCode().get(d.code()).handlers();
			assertThat(d.team()).doesNotContainAnyElementsOf(handlers);
			if ("H37030200001".equals(frozen.byCode().get(d.code()).providerCode())) {
				assertThat(d.team()).doesNotContain("I06");
			}
		}
		assertThat(all.skipped()).isNotEmpty().allSatisfy(s -> assertThat(s.reason()).isEqualTo(DrawResult.Reason.CONFLICT));
	}

	@Test
	void thePublishedInputsVerifyAndAnyTamperingIsFound() {
		var parameters = drawsWith(new RechecksProperties(null, 2500, 2, 20)).parameters();
		String seedHash = Canonical.seedHash(SEED);
		String directoryHash = Canonical.directoryHash(frozen.directory());
		String poolHash = Canonical.poolHash(frozen.pool());
		var commitment = new PublishedDraw.Commitment(seedHash, directoryHash, poolHash,
				Canonical.commitment(parameters, seedHash, directoryHash, poolHash), "2033-12-01T10:00:00+08:00");
		DrawResult result = Draw.run(SEED, parameters, frozen.directory(), frozen.pool());
		var plan = new PublishedDraw.Plan(1, "2033 年度抽查复查", 2033, 1, 1);

		assertThat(new PublishedDraw(Canonical.FORMAT, plan, parameters, frozen.directory(), frozen.pool(), commitment, SEED,
				result, List.of()).verify().matches()).isTrue();

		List<org.fundguard.inspections.DirectoryEntry> fewer = frozen.directory().subList(1, frozen.directory().size());
		assertThat(new PublishedDraw(Canonical.FORMAT, plan, parameters, fewer, frozen.pool(), commitment, SEED, result,
				List.of()).verify().problems()).anySatisfy(p -> assertThat(p).contains("名录快照的哈希"));
		assertThat(new PublishedDraw(Canonical.FORMAT, plan, parameters, frozen.directory(), frozen.pool(), commitment,
				"a1".repeat(32), result, List.of()).verify().matches()).isFalse();
	}

	private RecheckDraws drawsWith(RechecksProperties properties) {
		return new RecheckDraws(null, null, null, properties, null);
	}
}
