package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import org.junit.jupiter.api.Test;

/** The rejects report is bounded as a whole, not only per row: it lives in the shared database. */
class RejectsReportTest {

	@Test
	void aReportPastItsLimitStopsListingAndCountsTheRowsItLeftOut() throws IOException, CsvException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String raw = "S1,P1," + "张".repeat(400); // about 1.2 KB of UTF-8, cut to 1 KB in the report
		int rejected = 200;
		int limit = 64 * 1024;
		RejectsReport report = new RejectsReport(out, limit);
		for (int row = 2; row < rejected + 2; row++) {
			report.reject(ExportFile.SETTLEMENTS, row, row, "person_id", "无此参保人 / no such person", raw);
		}
		report.close();

		List<String[]> rows = new CSVReader(new InputStreamReader(new java.io.ByteArrayInputStream(out.toByteArray()),
				StandardCharsets.UTF_8)).readAll();
		String[] last = rows.getLast();
		int listed = rows.size() - 2; // the header, and the last row that counts the others
		System.out.printf("report of %d rejects, limit %d bytes: %d bytes, %d rows listed%n", rejected, limit, out.size(), listed);
		assertThat(report.count()).isEqualTo((long) rejected);
		assertThat(out.size()).as("bytes: the limit, what the writer buffered and one row at most")
			.isBetween(limit, limit + 8192 + 2048);
		assertThat(listed).isLessThan(rejected);
		assertThat(last[0]).isEqualTo("*");
		assertThat(last[4]).contains("其后 " + (rejected - listed) + " 行未列出", (rejected - listed) + " more rejected rows");
	}

	@Test
	void aReportWithinItsLimitListsEveryRowAndNothingElse() throws IOException, CsvException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (RejectsReport report = new RejectsReport(out, 64 * 1024)) {
			report.reject(ExportFile.FEE_ITEMS, 2, 2, "amount", "999.00 ≠ quantity × unit_price", "F1,S1,999.00");
		}

		List<String[]> rows = new CSVReader(new InputStreamReader(new java.io.ByteArrayInputStream(out.toByteArray()),
				StandardCharsets.UTF_8)).readAll();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).containsExactly("fee_items.csv", "2", "2", "amount", "999.00 ≠ quantity × unit_price",
				"F1,S1,999.00", "12");
	}
}
