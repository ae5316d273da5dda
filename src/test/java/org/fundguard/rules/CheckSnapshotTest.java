package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.rules.KnowledgeBaseRulesTest.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fundguard.rules.CheckSnapshot.Item;
import org.fundguard.rules.CheckSnapshot.Person;
import org.fundguard.rules.ProspectiveSettlement.Line;
import org.junit.jupiter.api.Test;

/**
 * The pre-settlement check, one hit kind at a time, on a hand-built catalogue and persons: each case has the settlement
 * that raises the hit and the nearest one that does not, so a check answering always or never fails.
 */
class CheckSnapshotTest {

	static final LocalDate DAY = LocalDate.of(2026, 3, 2);

	/** The catalogue: one item per restriction, plus a plain item and a tagged procedure. */
	static KnowledgeBase kb() {
		return KnowledgeBase.of(List.of(
				json("{'item_code':'RD','item_name':'限诊断药','restrict_diag':['I10','I11']}"),
				json("{'item_code':'PC','item_name':'限价耗材','price_ceiling':30.0}"),
				json("{'item_code':'QV','item_name':'限量药','max_qty_per_visit':3}"),
				json("{'item_code':'GF','item_name':'妇科检查','gender_only':'2'}"),
				json("{'item_code':'AC','item_name':'儿童用药','max_age':17}"),
				json("{'item_code':'MT','item_name':'住院专用','med_types':['21']}"),
				json("{'item_code':'DF','item_name':'每日限量','max_qty_per_day':2}"),
				json("{'item_code':'EA','item_name':'甲项','exclusive_with':['EB']}"),
				json("{'item_code':'EB','item_name':'乙项'}")));
	}

	static Map<String, Item> items() {
		Map<String, Item> items = new HashMap<>();
		items.put("NEED", new Item("需麻醉的手术", List.of(), List.of("anaesthesia")));
		items.put("ANA", new Item("全身麻醉", List.of("anaesthesia"), List.of()));
		items.put("PLAIN", new Item("普通项目", List.of(), List.of()));
		return items;
	}

	static Map<String, String> names(List<String> ids) {
		Map<String, String> names = new LinkedHashMap<>();
		ids.forEach(id -> names.put(id, "规则 " + id));
		return names;
	}

	static Map<String, Person> persons() {
		Map<String, Person> persons = new HashMap<>();
		persons.put("MAN", new Person("1", LocalDate.of(1970, 5, 1), LocalDate.of(2020, 1, 1), null, null, List.of()));
		persons.put("CHILD", new Person("2", LocalDate.of(2010, 3, 2), LocalDate.of(2020, 1, 1), null, null, List.of()));
		persons.put("DEAD", new Person("1", LocalDate.of(1940, 1, 1), LocalDate.of(2000, 1, 1), null, LocalDate.of(2026, 2, 1), List.of()));
		persons.put("LAPSED", new Person("1", LocalDate.of(1970, 1, 1), LocalDate.of(2000, 1, 1), LocalDate.of(2025, 12, 31), null, List.of()));
		persons.put("INPATIENT", new Person("1", LocalDate.of(1970, 1, 1), LocalDate.of(2000, 1, 1), null, null,
				List.of(new Stay("S9", "INPATIENT", "H2", LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 5), "I10", 100))));
		return persons;
	}

	static CheckSnapshot snapshot(List<String> rules) {
		return new CheckSnapshot(kb(), items(), new BigDecimal("0.5"), names(rules), persons(), Instant.now());
	}

	static final CheckSnapshot ALL = snapshot(CheckSnapshot.RULES);

	static ProspectiveSettlement settlement(String person, String medType, String diagnosis, Line... lines) {
		return new ProspectiveSettlement(person, "H1", medType, List.of(diagnosis), DAY, "21".equals(medType) ? DAY.plusDays(3) : DAY,
				List.of(lines));
	}

	static Line line(String item, String quantity, String price) {
		return line(item, quantity, price, DAY);
	}

	static Line line(String item, String quantity, String price, LocalDate date) {
		BigDecimal q = new BigDecimal(quantity);
		BigDecimal p = new BigDecimal(price);
		return new Line(item, q, p, q.multiply(p), date);
	}

	static List<String> rules(List<CheckHit> hits) {
		return hits.stream().map(CheckHit::ruleId).toList();
	}

	@Test
	void aPlainSettlementOfAnEnrolledLivingPersonRaisesNothing() {
		assertThat(ALL.check(settlement("MAN", "11", "I10", line("PLAIN", "1", "10"), line("RD", "1", "5")))).isEmpty();
	}

	@Test
	void restrictedDiagnosisIsJudgedOnThePrincipalDiagnosisByPrefix() {
		List<CheckHit> hits = ALL.check(settlement("MAN", "11", "J20.9", line("PLAIN", "1", "1"), line("RD", "1", "5")));
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.ruleId()).isEqualTo("restricted-diagnosis");
			assertThat(h.ruleName()).isEqualTo("规则 restricted-diagnosis");
			assertThat(h.message()).isEqualTo("限诊断药 限 I10;I11 支付，诊断为 J20.9");
			assertThat(h.lines()).containsExactly(1);
		});
		assertThat(ALL.check(settlement("MAN", "11", "I11.0", line("RD", "1", "5")))).isEmpty();
	}

	@Test
	void priceAboveTheCeilingPlusToleranceIsAHitOnlyForTheLinesAboveIt() {
		List<CheckHit> hits = ALL.check(settlement("MAN", "11", "I10", line("PC", "1", "30.50"), line("PC", "2", "35.5")));
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.ruleId()).isEqualTo("price-over-ceiling");
			assertThat(h.message()).isEqualTo("限价耗材 单价 35.5 超过限价 30");
			assertThat(h.lines()).containsExactly(1);
		});
	}

	@Test
	void quantityIsSummedOverTheSettlementsLinesOfTheItem() {
		assertThat(ALL.check(settlement("MAN", "11", "I10", line("QV", "2", "1"), line("QV", "1", "1")))).isEmpty();
		List<CheckHit> hits = ALL.check(settlement("MAN", "11", "I10", line("QV", "2", "1"), line("QV", "2", "1")));
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.ruleId()).isEqualTo("quantity-over-limit");
			assertThat(h.message()).isEqualTo("限量药 本次结算共 4，限量 3");
			assertThat(h.lines()).containsExactly(0, 1);
		});
	}

	@Test
	void aProcedureNeedingATagIsAHitUnlessAnotherItemOfTheSettlementCarriesIt() {
		assertThat(rules(ALL.check(settlement("MAN", "11", "I10", line("NEED", "1", "100"))))).containsExactly("missing-procedure");
		assertThat(ALL.check(settlement("MAN", "11", "I10", line("NEED", "1", "100"), line("ANA", "1", "50")))).isEmpty();
	}

	@Test
	void genderAgeAndMedTypeRestrictionsReadThePersonAndTheVisit() {
		List<CheckHit> man = ALL.check(settlement("MAN", "11", "I10", line("GF", "1", "10"), line("AC", "1", "1"), line("MT", "1", "1")));
		// in the order of the items' codes (AC, GF, MT), as the batch reads lines
		assertThat(rules(man)).containsExactly("age-restricted", "gender-restricted", "med-type-restricted");
		assertThat(man.get(0).message()).isEqualTo("儿童用药 限 17 岁及以下，参保人就诊时 55 岁");
		assertThat(man.get(0).lines()).containsExactly(1);
		assertThat(man.get(1).message()).isEqualTo("妇科检查 限女性使用，参保人为男性");
		assertThat(man.get(2).message()).isEqualTo("住院专用 限住院支付，本次为普通门诊");
		// the child turns 16 on the visit's day: whole years, as the loader counts age_at_visit
		assertThat(ALL.check(settlement("CHILD", "21", "I10", line("GF", "1", "10"), line("AC", "1", "1"), line("MT", "1", "1"))))
			.isEmpty();
	}

	@Test
	void dailyLimitsCountEachDayOfTheItemsOwnDates() {
		assertThat(ALL.check(settlement("MAN", "11", "I10", line("DF", "2", "1", DAY), line("DF", "2", "1", DAY.plusDays(1)))))
			.isEmpty();
		List<CheckHit> hits = ALL.check(settlement("MAN", "11", "I10", line("DF", "2", "1", DAY), line("DF", "1", "1", DAY)));
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.ruleId()).isEqualTo("daily-frequency");
			assertThat(h.message()).isEqualTo("每日限量 2026-03-02 共 3，每日限量 2");
		});
	}

	@Test
	void exclusiveItemsInOneSettlementAreOneHitNamingBoth() {
		List<CheckHit> hits = ALL.check(settlement("MAN", "11", "I10", line("EB", "1", "3"), line("PLAIN", "1", "1"), line("EA", "1", "2")));
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.ruleId()).isEqualTo("exclusive-items");
			assertThat(h.message()).isEqualTo("甲项（EA）与 乙项（EB）互斥，不得在同一结算中收费");
			assertThat(h.lines()).containsExactlyInAnyOrder(0, 2);
		});
		assertThat(ALL.check(settlement("MAN", "11", "I10", line("EA", "1", "2")))).isEmpty();
	}

	@Test
	void aVisitAfterDeathAndOutsideCoverageAreHitsOnTheWholeSettlement() {
		List<CheckHit> dead = ALL.check(settlement("DEAD", "11", "I10", line("PLAIN", "1", "1")));
		assertThat(dead).singleElement().satisfies(h -> {
			assertThat(h.ruleId()).isEqualTo("after-death");
			assertThat(h.message()).as("no date of death to whoever asks").isEqualTo("参保人在本次就诊日期之前已登记死亡，不得以其身份结算");
			assertThat(h.lines()).isEmpty();
		});
		List<CheckHit> lapsed = ALL.check(settlement("LAPSED", "11", "I10", line("PLAIN", "1", "1")));
		assertThat(lapsed).singleElement().satisfies(h -> {
			assertThat(h.ruleId()).isEqualTo("not-enrolled");
			assertThat(h.message()).isEqualTo("就诊日期 2026-03-02 不在参保期 2000-01-01 至 2025-12-31 内（机构 H1）");
		});
		// a person the data does not know has no coverage at all
		assertThat(rules(ALL.check(settlement("NOBODY", "11", "I10", line("PLAIN", "1", "1"))))).containsExactly("not-enrolled");
	}

	@Test
	void anOutpatientVisitInsideAStayElsewhereIsAHitButNotOnTheAdmissionDay() {
		List<CheckHit> hits = ALL.check(settlement("INPATIENT", "11", "I10", line("PLAIN", "1", "1")));
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.ruleId()).isEqualTo("outpatient-during-stay");
			assertThat(h.message()).as("not the other institution, its settlement or the stay").doesNotContain("H2", "S9", "02-28")
				.isEqualTo("就诊当日该参保人正在其他定点医药机构住院，门诊或购药费用不得另行结算");
		});
		ProspectiveSettlement onAdmission = new ProspectiveSettlement("INPATIENT", "H1", "11", List.of("I10"),
				LocalDate.of(2026, 2, 28), LocalDate.of(2026, 2, 28), List.of(line("PLAIN", "1", "1")));
		assertThat(ALL.check(onAdmission)).isEmpty();
	}

	@Test
	void aStayOverlappingAStayElsewhereByANightIsAHitASameDayTransferIsNot() {
		List<CheckHit> hits = ALL.check(settlement("INPATIENT", "21", "I10", line("PLAIN", "1", "1")));
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.ruleId()).isEqualTo("overlapping-stays");
			assertThat(h.message()).doesNotContain("H2", "S9").isEqualTo("本次住院与该参保人已结算的另一次住院时间重叠");
		});
		ProspectiveSettlement transfer = new ProspectiveSettlement("INPATIENT", "H1", "21", List.of("I10"),
				LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 9), List.of(line("PLAIN", "1", "1")));
		assertThat(ALL.check(transfer)).isEmpty();
	}

	@Test
	void aRuleTheCatalogueNoLongerHasRaisesNothing() {
		List<String> without = new ArrayList<>(CheckSnapshot.RULES);
		without.remove("price-over-ceiling");
		assertThat(snapshot(without).check(settlement("MAN", "11", "I10", line("PC", "1", "99")))).isEmpty();
		assertThat(rules(ALL.check(settlement("MAN", "11", "I10", line("PC", "1", "99"))))).containsExactly("price-over-ceiling");
	}
}
