package org.fundguard.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fundguard.generator.CsvTables.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generator's promise: an exact implementation of the monitoring rules finds precisely the ground truth, no
 * more (the background triggers nothing, the decoys are near misses) and no less, with every rule injected.
 */
class GroundTruthTest {

	@ParameterizedTest
	@ValueSource(strings = { "standard", "longer" })
	void theReferenceRulesFindExactlyTheGroundTruth(String export) throws Exception {
		Path dir = export.equals("standard") ? TestExports.standard()
				: TestExports.generate("longer", "--persons", "3000", "--months", "25", "--seed", "7", "--end", "2025-12");
		CsvTables tables = TestExports.tables(dir);

		Map<String, Set<String>> found = ReferenceRules.evaluate(tables, "3703");
		Map<String, Set<String>> truth = groundTruth(tables.get("ground_truth.csv"));

		// the standard export's 14 months (2025-09..2026-10) hold no whole calendar year, which current-deficit needs
		List<String> injected = export.equals("standard")
				? Generator.RULES.stream().filter(rule -> !rule.equals("current-deficit")).toList() : Generator.RULES;
		assertThat(truth.keySet()).as("rules with injected cases").containsExactlyInAnyOrderElementsOf(injected);
		for (String rule : Generator.RULES) {
			assertThat(found.getOrDefault(rule, Set.of())).as(rule).isEqualTo(truth.getOrDefault(rule, Set.of()));
		}
		assertThat(found.keySet()).isSubsetOf(Generator.RULES);
		assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"notes\" : [ ]");
	}

	static Map<String, Set<String>> groundTruth(Table t) {
		Map<String, Set<String>> m = new TreeMap<>();
		for (String[] r : t.rows()) {
			assertThat(m.computeIfAbsent(t.get(r, "rule_id"), k -> new TreeSet<>()).add(t.get(r, "subject_key")))
				.as("unique truth row " + String.join(",", r))
				.isTrue();
		}
		return m;
	}
}
