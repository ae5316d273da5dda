package org.fundguard.claims;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import org.fundguard.claims.load.ClaimsLoader;

/** A load's rejects report as the tests read it: its rows without the header. */
final class Rejects {

	private Rejects() {
	}

	static List<String[]> of(ClaimsLoader loader, String loadId) throws IOException {
		return rows(bytes(loader, loadId));
	}

	static byte[] bytes(ClaimsLoader loader, String loadId) throws IOException {
		try (InputStream in = loader.rejects(loadId).orElseThrow(() -> new AssertionError("no rejects report for " + loadId))) {
			return in.readAllBytes();
		}
	}

	static List<String[]> rows(byte[] report) throws IOException {
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(report), StandardCharsets.UTF_8);
				CSVReader csv = new CSVReader(reader)) {
			List<String[]> rows = csv.readAll();
			return rows.subList(1, rows.size());
		}
		catch (CsvException e) {
			throw new IOException(e);
		}
	}
}
