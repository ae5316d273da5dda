package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.generator.GenerateCommand;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Quality measured, not assumed: the generator's export (a period of its own, 2017-11..2019-06, so that other tests'
 * data in the shared indices does not fall into the window) is loaded, the whole catalogue runs over the whole period
 * with region prefix 3703, and every rule's signals (both catalogues, 26 rules) are compared with ground_truth.csv:
 * recall 1.0, precision ≥ 0.95 per rule.
 */
@IntegrationTest
class RuleQualityIT {

	static final YearMonth END = YearMonth.of(2019, 6);
	/** 20 months: 2018 is a whole calendar year in the ledger, which current-deficit needs. */
	static final int MONTHS = 20;

	@Autowired
	ClaimsLoader loader;

	@Autowired
	RuleEngine engine;

	@Autowired
	RuleCatalogue catalogue;

	@Autowired
	ElasticJson elastic;

	@Autowired
	SignalIndex signals;

	@TempDir
	Path temp;

	@Test
	void theCatalogueFindsEveryInjectedCaseWithPrecisionAtLeast95Percent() throws Exception {
		Path export = temp.resolve("export");
		int generated = GenerateCommand.run(new String[] { "--out", export.toString(), "--persons", "3000", "--months",
				String.valueOf(MONTHS), "--seed", "20190601", "--end", END.toString() });
		assertThat(generated).isZero();
		LoadRecord load = loader.load(export, "analyst1", LoadProgress.NONE);
		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED");

		Window window = new Window(END.minusMonths(MONTHS - 1).atDay(1), END.atEndOfMonth());
		RunRecord run = engine.run(new RunRequest(null, window, List.of("3703"), "analyst1", "CLI"));
		RulesCommand.print(run, System.out);
		assertThat(run.status()).as(run.message()).isEqualTo("COMPLETED");

		Map<String, Set<String>> truth = truth(export.resolve("ground_truth.csv"));
		Map<String, Set<String>> found = signals(window);
		StringBuilder report = new StringBuilder("\nrule                      truth found  recall precision\n");
		Map<String, Double> recall = new HashMap<>();
		Map<String, Double> precision = new HashMap<>();
		for (RuleDefinition rule : catalogue.all()) {
			Set<String> t = truth.getOrDefault(rule.id(), Set.of());
			Set<String> f = found.getOrDefault(rule.id(), Set.of());
			Set<String> both = new HashSet<>(t);
			both.retainAll(f);
			double r = t.isEmpty() ? 1.0 : (double) both.size() / t.size();
			double p = f.isEmpty() ? 1.0 : (double) both.size() / f.size();
			recall.put(rule.id(), r);
			precision.put(rule.id(), p);
			report.append("%-25s %5d %5d %7.3f %9.3f%n".formatted(rule.id(), t.size(), f.size(), r, p));
			Set<String> missed = new TreeSet<>(t);
			missed.removeAll(f);
			Set<String> extra = new TreeSet<>(f);
			extra.removeAll(t);
			if (!missed.isEmpty()) {
				report.append("    missed: ").append(missed.stream().limit(5).toList()).append('\n');
			}
			if (!extra.isEmpty()) {
				report.append("    extra:  ").append(extra.stream().limit(5).toList()).append('\n');
			}
		}
		System.out.println(report);
		assertThat(truth.keySet()).as("the generator injects every rule").containsExactlyInAnyOrderElementsOf(
				catalogue.all().stream().map(RuleDefinition::id).toList()).hasSize(26);
		assertThat(recall).as(report.toString()).allSatisfy((rule, r) -> assertThat(r).as(rule).isEqualTo(1.0));
		assertThat(precision).as(report.toString()).allSatisfy((rule, p) -> assertThat(p).as(rule).isGreaterThanOrEqualTo(0.95));
	}

	static Map<String, Set<String>> truth(Path csv) throws IOException, CsvValidationException {
		Map<String, Set<String>> out = new HashMap<>();
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVReader rows = new CSVReader(reader)) {
			rows.skip(1);
			String[] row;
			while ((row = rows.readNext()) != null) {
				out.computeIfAbsent(row[0], k -> new HashSet<>()).add(row[1]);
			}
		}
		return out;
	}

	/** The signals of the window (not suppressed), by rule: subject keys. */
	Map<String, Set<String>> signals(Window window) {
		Map<String, Set<String>> out = new HashMap<>();
		Searches es = new Searches(elastic);
		es.scan(signals.alias(), Q.filter("{\"term\":{\"window_from\":\"" + window.from() + "\"}}",
				"{\"term\":{\"window_to\":\"" + window.to() + "\"}}", Q.term("suppressed", false)),
				"[{\"rule_id\":\"asc\"},{\"subject_key\":\"asc\"}]", "[\"rule_id\",\"subject_key\"]",
				(JsonNode s) -> out.computeIfAbsent(s.path("rule_id").asText(), k -> new HashSet<>()).add(s.path("subject_key").asText()));
		return out;
	}

}
