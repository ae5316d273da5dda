package org.fundguard.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.fundguard.generator.CsvTables.Table;
import org.junit.jupiter.api.Test;

/**
 * The crafted boundary cases are in the standard export, last among its persons, and the ground truth judges each as
 * its name says: "(hit)" or "(no hit)"; the 29 February one is a hit on 1 March only.
 */
class KnowledgeBaseEdgeCasesTest {

	@Test
	void everyBoundaryIsInTheExportAndJudgedAsDesigned() {
		CsvTables tables = TestExports.tables(TestExports.standard());
		List<KnowledgeBaseEdgeCases.Case> cases = new KnowledgeBaseEdgeCases(
				new ExportPeriod(YearMonth.of(2026, 10), 14), ProviderDirectory.build(20260501, 3000)).cases();
		assertThat(cases).hasSize(15);
		assertThat(cases).anyMatch(c -> c.birth().getMonthValue() == 2 && c.birth().getDayOfMonth() == 29);
		Table persons = tables.get("persons.csv");
		Table settlements = tables.get("settlements.csv");
		Table truth = tables.get("ground_truth.csv");
		int first = 3000 - cases.size();
		for (int i = 0; i < cases.size(); i++) {
			KnowledgeBaseEdgeCases.Case c = cases.get(i);
			String personId = "370300" + String.format("%014d", first + i + 1L);
			assertThat(persons.rows()).as(c.name()).anyMatch(r -> persons.get(r, "person_id").equals(personId)
					&& persons.get(r, "birth_date").equals(c.birth().toString()));
			List<String> own = new ArrayList<>();
			for (String[] r : settlements.rows()) {
				if (settlements.get(r, "person_id").equals(personId)) {
					own.add(settlements.get(r, "settlement_id"));
				}
			}
			assertThat(own).as(c.name()).hasSize(c.visits().size());
			Set<String> hits = new TreeSet<>();
			for (String[] r : truth.rows()) {
				String key = truth.get(r, "subject_key");
				boolean knowledgeBase = KnowledgeBaseTruths.RULES.contains(truth.get(r, "rule_id"));
				if (knowledgeBase && (key.startsWith(personId) || own.stream().anyMatch(key::startsWith))) {
					hits.add(truth.get(r, "rule_id") + " " + key);
				}
			}
			if (c.name().endsWith("(no hit)")) {
				assertThat(hits).as(c.name()).isEmpty();
			}
			else if (c.name().endsWith("(hit)")) {
				assertThat(hits).as(c.name()).hasSize(1);
			}
			else {
				assertThat(hits).as(c.name() + ": the 1 March visit only").containsExactly(
						hits.stream().filter(h -> h.contains(own.get(1))).findFirst().orElse("none on 1 March"));
			}
		}
	}
}
