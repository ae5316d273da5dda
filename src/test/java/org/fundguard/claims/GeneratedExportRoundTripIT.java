package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.FileCounts;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.generator.GenerateCommand;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A generated export, spoiled with invalid rows at a known rate, goes through the loader: exactly the rows
 * the generator spoiled are rejected, at the same file, line and column, and the index holds the rest.
 */
@IntegrationTest
class GeneratedExportRoundTripIT {

	@Autowired
	ClaimsLoader loader;

	@Autowired
	ClaimIndices indices;

	@Autowired
	ElasticsearchClient elasticsearch;

	@TempDir
	Path temp;

	@Test
	void countsInElasticsearchAreTheFilesMinusExactlyTheRejectedRows() throws Exception {
		Path export = temp.resolve("export");
		int exit = GenerateCommand.run(new String[] { "--out", export.toString(), "--persons", "400", "--months", "3",
				"--seed", "77", "--bad-rows", "0.01" });
		assertThat(exit).isZero();

		LoadRecord load = loader.load(export, "test", LoadProgress.NONE);

		Set<String> expected = rows(export.resolve("expected_rejects.csv")).stream()
			.map(r -> r[0] + ":" + r[1] + ":" + r[2])
			.collect(Collectors.toSet());
		Set<String> actual = Rejects.of(loader, load.id()).stream()
			.map(r -> r[0] + ":" + r[2] + ":" + r[3])
			.collect(Collectors.toSet());
		assertThat(expected).as("the generator spoiled some rows").isNotEmpty();
		assertThat(actual).isEqualTo(expected);

		Map<String, Long> rejectedPerFile = new HashMap<>();
		expected.forEach(key -> rejectedPerFile.merge(key.substring(0, key.indexOf(':')), 1L, Long::sum));
		for (FileCounts file : load.files()) {
			long dataRows = dataRows(export.resolve(file.file()));
			long rejected = rejectedPerFile.getOrDefault(file.file(), 0L);
			assertThat(file.read()).as(file.file()).isEqualTo(dataRows);
			assertThat(file.loaded()).as(file.file()).isEqualTo(dataRows - rejected);
			String alias = switch (file.file()) {
				case "providers.csv" -> indices.providers();
				case "items.csv" -> indices.items();
				case "persons.csv" -> indices.persons();
				case "settlements.csv" -> indices.settlements();
				case "fee_items.csv" -> indices.claims();
				case "fund_ledger.csv" -> indices.fundLedger();
				default -> null; // inspectors go to the database
			};
			if (alias != null) {
				assertThat(countOfLoad(alias, load.id())).as("documents of " + file.file()).isEqualTo(file.loaded());
			}
		}
	}

	private long countOfLoad(String alias, String loadId) throws IOException {
		elasticsearch.indices().refresh(r -> r.index(alias));
		return elasticsearch.count(c -> c.index(alias).query(q -> q.term(t -> t.field("load_id").value(loadId)))).count();
	}

	private static long dataRows(Path file) throws IOException {
		return rows(file).size();
	}

	private static List<String[]> rows(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(reader)) {
			List<String[]> all = csv.readAll();
			return all.subList(1, all.size());
		}
		catch (CsvException e) {
			throw new IOException(e);
		}
	}
}
