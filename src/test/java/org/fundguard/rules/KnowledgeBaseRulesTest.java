package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.rules.KnowledgeBase.AgeBand;
import org.fundguard.rules.LineGroups.Group;
import org.junit.jupiter.api.Test;

/** The knowledge-base rules' edge cases, on hand-built catalogue items and lines. */
class KnowledgeBaseRulesTest {

	static final ObjectMapper JSON = new ObjectMapper();

	static JsonNode json(String text) {
		try {
			return JSON.readTree(text.replace('\'', '"'));
		}
		catch (Exception e) {
			throw new IllegalArgumentException(text, e);
		}
	}

	static Group group(String settlement, String item, String... lines) {
		List<JsonNode> out = new ArrayList<>();
		for (String l : lines) {
			out.add(json(l));
		}
		return new Group(settlement, item, out);
	}

	@Test
	void anExclusionNamedOnOneSideOnlyHoldsBothWaysAndThePairIsNamedInCodeOrder() {
		KnowledgeBase kb = KnowledgeBase.of(List.of(json("{'item_code':'B2','item_name':'乙','exclusive_with':['A1']}"),
				json("{'item_code':'C3','item_name':'丙'}")));
		assertThat(kb.excludes("A1", "B2")).isTrue();
		assertThat(kb.excludes("B2", "A1")).isTrue();
		assertThat(kb.exclusive()).containsOnlyKeys("A1", "B2");
		assertThat(ExclusivePairs.pairs(kb)).containsExactly(List.of("A1", "B2"));
		List<Hit> hits = new ArrayList<>();
		// the lines come sorted by item code, but the pair is named in code order whatever the list's order
		KnowledgeBaseRules.pairs(List.of(
				group("S1", "B2", "{'line_no':2,'amount':30.0,'provider_code':'H1','visit_start':'2024-03-01','item_name':'乙'}"),
				group("S1", "A1", "{'line_no':1,'amount':20.0,'provider_code':'H1','visit_start':'2024-03-01','item_name':'甲'}"),
				group("S1", "C3", "{'line_no':3,'amount':5.0,'provider_code':'H1','visit_start':'2024-03-01','item_name':'丙'}")),
				kb, hits::add);
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.subjectKey()).isEqualTo("S1|A1|B2");
			assertThat(h.lineRefs()).containsExactly("S1#1", "S1#2");
			assertThat(h.money()).isEqualTo(20.0);
			assertThat(h.partyKey()).isEqualTo("H1");
		});
	}

	@Test
	void restrictionsAreGroupedByValueIntoOneClauseEach() {
		KnowledgeBase kb = KnowledgeBase.of(List.of(json("{'item_code':'P1','gender_only':'1'}"),
				json("{'item_code':'P2','gender_only':'1'}"), json("{'item_code':'O1','gender_only':'2'}"),
				json("{'item_code':'K1','max_age':17}"), json("{'item_code':'K2','max_age':17}"),
				json("{'item_code':'E1','min_age':60}"), json("{'item_code':'I1','med_types':['21']}"),
				json("{'item_code':'I2','med_types':['21','14']}"), json("{'item_code':'I3','med_types':['14','21']}")));
		assertThat(kb.byGender()).containsEntry("1", List.of("P1", "P2")).containsEntry("2", List.of("O1"));
		assertThat(kb.byAgeBand()).containsEntry(new AgeBand(null, 17), List.of("K1", "K2")).hasSize(2);
		assertThat(kb.byMedTypes()).hasSize(2);
		String gender = KnowledgeBaseRules.genderQuery(kb);
		assertThat(gender).contains("\"P1\",\"P2\"").contains("{\"term\":{\"gender\":\"1\"}}");
		assertThat(KnowledgeBaseRules.ageQuery(kb)).contains("{\"range\":{\"age_at_visit\":{\"gt\":17.0}}}")
			.contains("{\"range\":{\"age_at_visit\":{\"lt\":60.0}}}");
		assertThat(KnowledgeBaseRules.medTypeQuery(kb)).contains("{\"terms\":{\"med_type\":[\"14\",\"21\"]}}");
		KnowledgeBase empty = KnowledgeBase.of(List.of());
		assertThat(KnowledgeBaseRules.genderQuery(empty)).isNull();
		assertThat(KnowledgeBaseRules.ageQuery(empty)).isNull();
		assertThat(KnowledgeBaseRules.medTypeQuery(empty)).isNull();
	}

	@Test
	void ageBandsIncludeBothEndsAndTheBirthdayCountsFromItsDay() {
		AgeBand child = new AgeBand(null, 17);
		AgeBand sixToSeventeen = new AgeBand(6, 17);
		assertThat(child.allows(17)).isTrue();
		assertThat(child.allows(18)).isFalse();
		assertThat(sixToSeventeen.allows(6)).isTrue();
		assertThat(sixToSeventeen.allows(5)).isFalse();
		assertThat(new AgeBand(60, null).allows(59)).isFalse();
		// age as interchange.md defines it (and the loader's age_at_visit): whole years to visit_start
		LocalDate born = LocalDate.of(2008, 3, 1);
		assertThat(Period.between(born, LocalDate.of(2026, 2, 28)).getYears()).isEqualTo(17);
		assertThat(Period.between(born, LocalDate.of(2026, 3, 1)).getYears()).isEqualTo(18);
		// born on 29 February: the birthday is 1 March in common years, 29 February in leap years
		LocalDate leap = LocalDate.of(2008, 2, 29);
		assertThat(child.allows(Period.between(leap, LocalDate.of(2026, 2, 28)).getYears())).isTrue();
		assertThat(child.allows(Period.between(leap, LocalDate.of(2026, 3, 1)).getYears())).isFalse();
		assertThat(Period.between(leap, LocalDate.of(2028, 2, 28)).getYears()).isEqualTo(19);
		assertThat(Period.between(LocalDate.of(2012, 2, 29), LocalDate.of(2028, 2, 29)).getYears()).isEqualTo(16);
		assertThat(child.text()).isEqualTo("限 17 岁及以下");
		assertThat(sixToSeventeen.text()).isEqualTo("限 6–17 岁");
	}

	@Test
	void exactlyTheLimitIsNoHitAndDecimalSumsAreComparedWithoutBinaryNoise() {
		assertThat(QuantitySums.exceeds(3, 3)).isFalse();
		assertThat(QuantitySums.exceeds(0.1 + 0.2, 0.3)).isFalse();
		assertThat(QuantitySums.exceeds(3.0001, 3)).isTrue();
	}

	@Test
	void aSettlementsLinesOfOneItemAreSplitByTheDayOfItemTime() {
		Group g = group("S1", "X1", "{'line_no':1,'item_date':'2024-03-01','quantity':2}",
				"{'line_no':2,'item_date':'2024-03-02','quantity':1}", "{'line_no':3,'item_date':'2024-03-01','quantity':2}");
		List<Group> days = QuantitySums.byDay(g);
		assertThat(days).hasSize(2);
		assertThat(days.getFirst().lineRefs()).containsExactly("S1#1", "S1#3");
		assertThat(days.getFirst().sum("quantity")).isEqualTo(4.0);
	}
}
