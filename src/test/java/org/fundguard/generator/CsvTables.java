package org.fundguard.generator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/** An export read back with opencsv, independently of how the generator writes it: one table per file. */
final class CsvTables {

	record Table(String file, List<String> header, List<String[]> rows) {

		String get(String[] row, String column) {
			int i = header.indexOf(column);
			if (i < 0) {
				throw new IllegalArgumentException(file + " has no column " + column);
			}
			return i < row.length ? row[i] : null;
		}

		/** The physical line of a data row; the header is line 1 and no value spans lines. */
		static long line(int rowIndex) {
			return rowIndex + 2L;
		}
	}

	private final Map<String, Table> tables = new HashMap<>();

	static CsvTables read(Path dir) throws IOException {
		CsvTables t = new CsvTables();
		for (String file : new String[] { "providers.csv", "persons.csv", "items.csv", "settlements.csv", "fee_items.csv",
				"inspectors.csv", "fund_ledger.csv", "ground_truth.csv", "expected_rejects.csv" }) {
			Path path = dir.resolve(file);
			if (Files.exists(path)) {
				t.tables.put(file, table(path, file));
			}
		}
		return t;
	}

	Table get(String file) {
		return tables.get(file);
	}

	private static Table table(Path path, String file) throws IOException {
		try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
			List<String[]> all = csv.readAll();
			return new Table(file, List.of(all.get(0)), new ArrayList<>(all.subList(1, all.size())));
		}
		catch (CsvException e) {
			throw new IOException(file + ": " + e.getMessage(), e);
		}
	}
}
