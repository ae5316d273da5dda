package org.fundguard.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Checks an export made elsewhere (e.g. a large one) the way the tests check their own:
 * {@code mvn test -Dtest=ExistingExportCheckTest -Dfundguard.export=DIR}. Needs memory for the whole export.
 */
@EnabledIfSystemProperty(named = "fundguard.export", matches = ".+")
class ExistingExportCheckTest {

	@Test
	void conformsAndTheReferenceRulesFindExactlyItsGroundTruth() {
		CsvTables tables = TestExports.tables(Path.of(System.getProperty("fundguard.export")));

		assertThat(Conformance.check(tables)).isEmpty();
		Map<String, Set<String>> found = ReferenceRules.evaluate(tables, "3703");
		Map<String, Set<String>> truth = GroundTruthTest.groundTruth(tables.get("ground_truth.csv"));
		for (String rule : Generator.RULES) {
			assertThat(found.getOrDefault(rule, Set.of())).as(rule).isEqualTo(truth.getOrDefault(rule, Set.of()));
		}
	}
}
