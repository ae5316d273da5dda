package org.fundguard.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.fundguard.generator.CsvTables.Table;
import org.junit.jupiter.api.Test;

/**
 * --bad-rows writes invalid rows, each a different contract violation, lists every one in expected_rejects.csv,
 * and leaves the valid rows (and so the ground truth) exactly as in an export without them.
 */
class BadRowsTest {

	private static final String[] OPTIONS = { "--persons", "1500", "--months", "13", "--seed", "11" };

	@Test
	void expectedRejectsListExactlyTheRowsThatBreakTheContract() {
		CsvTables bad = TestExports.tables(dirty());
		Table rejects = bad.get("expected_rejects.csv");

		Set<String> expected = new HashSet<>();
		for (String[] r : rejects.rows()) {
			expected.add(rejects.get(r, "file") + ":" + rejects.get(r, "row_number") + ":" + rejects.get(r, "column"));
		}
		Set<String> found = Conformance.check(bad)
			.stream()
			.map(p -> p.file() + ":" + p.line() + ":" + p.column())
			.collect(Collectors.toSet());

		assertThat(difference(found, expected)).as("flagged but not listed").isEmpty();
		assertThat(difference(expected, found)).as("listed but not flagged").isEmpty();
		Set<String> kinds = rejects.rows().stream().map(r -> r[0] + " " + r[3]).collect(Collectors.toSet());
		assertThat(kinds).as("distinct violations").hasSizeGreaterThanOrEqualTo(6 + 8 + 8 + 3 + 3);
	}

	@Test
	void withoutTheRejectedRowsTheExportIsTheCleanOne() throws IOException {
		Path dirty = dirty();
		Path clean = TestExports.generate("clean", OPTIONS);
		Table rejects = TestExports.tables(dirty).get("expected_rejects.csv");

		for (String file : new String[] { "providers.csv", "persons.csv", "items.csv", "settlements.csv",
				"fee_items.csv", "inspectors.csv", "fund_ledger.csv", "ground_truth.csv" }) {
			Set<Long> rejected = new HashSet<>();
			for (String[] r : rejects.rows()) {
				if (rejects.get(r, "file").equals(file)) {
					rejected.add(Long.parseLong(rejects.get(r, "row_number")));
				}
			}
			List<String> kept = new ArrayList<>();
			List<String> lines = Files.readAllLines(dirty.resolve(file));
			for (int i = 0; i < lines.size(); i++) {
				if (!rejected.contains(i + 1L)) {
					kept.add(lines.get(i));
				}
			}
			assertThat(kept).as(file).isEqualTo(Files.readAllLines(clean.resolve(file)));
		}
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> d = new HashSet<>(a);
		d.removeAll(b);
		return d;
	}

	private static Path dirty() {
		String[] args = new String[OPTIONS.length + 2];
		System.arraycopy(OPTIONS, 0, args, 0, OPTIONS.length);
		args[OPTIONS.length] = "--bad-rows";
		args[OPTIONS.length + 1] = "0.01";
		return TestExports.generate("dirty", args);
	}
}
