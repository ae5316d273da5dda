package org.fundguard.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.opencsv.CSVReader;

import org.junit.jupiter.api.Test;

/** The deductions file as docs/recovery-export.md describes it, read back with a CSV parser. */
class RecoveryExportTest {

	private static String export(List<RecoveryEntry> entries) {
		StringWriter out = new StringWriter();
		RecoveryExport.write(entries, out);
		return out.toString();
	}

	private static List<String[]> parse(String csv) throws Exception {
		try (CSVReader reader = new CSVReader(new StringReader(csv))) {
			return reader.readAll();
		}
	}

	@Test
	void headerThenOneLinePerDeductionWithYuanToTwoDecimalsAndIsoDates() throws Exception {
		RecoveryEntry e = new RecoveryEntry(RecoveryEntry.rowId(RecoverySource.PENALTY, "7"), RecoverySource.PENALTY, "7",
				"H37030300011", "淄博市第一医院", new BigDecimal("1234.5"), "行政处罚决定 淄医保罚〔2026〕7号 责令退回",
				LocalDate.of(2026, 11, 3), null, "370300-2026-000007", null);

		String csv = export(List.of(e));

		assertThat(csv).startsWith("row_id,source,provider_code,provider_name,amount,booked_on,rule_id,reference,reason\r\n");
		List<String[]> lines = parse(csv);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)).containsExactly(e.id(), "PENALTY", "H37030300011", "淄博市第一医院", "1234.50", "2026-11-03",
				"", "370300-2026-000007", "行政处罚决定 淄医保罚〔2026〕7号 责令退回");
	}

	@Test
	void aReasonWithCommasQuotesAndALineBreakSurvivesTheRoundTrip() throws Exception {
		String reason = "重复收费, \"床位费\"\n第二行";
		RecoveryEntry e = RecoveryTotalsTest.entry("a", "H1", "甲医院", "10", "2026-11-01", "R1");
		e = new RecoveryEntry(e.id(), e.source(), e.sourceKey(), e.providerCode(), e.providerName(), e.amount(), reason,
				e.bookedOn(), e.ruleId(), e.reference(), e.createdAt());

		assertThat(parse(export(List.of(e))).get(1)[8]).isEqualTo(reason);
	}

	@Test
	void rowsWithNothingToDeductAreLeftOut() throws Exception {
		List<String[]> lines = parse(export(List.of(RecoveryTotalsTest.entry("a", "H1", null, "0.00", "2026-11-01", "R1"),
				RecoveryTotalsTest.entry("b", "H1", null, "0.01", "2026-11-01", "R1"))));

		assertThat(lines).hasSize(2);
		assertThat(lines.get(1)[0]).isEqualTo(RecoveryEntry.rowId(RecoverySource.APPEAL_OUTCOME, "b"));
		assertThat(lines.get(1)[3]).as("an unknown name is an empty field").isEmpty();
	}

	@Test
	void exportingTheSamePeriodTwiceWritesTheSameBytesAndRowIdsAreStable() {
		List<RecoveryEntry> entries = List.of(RecoveryTotalsTest.entry("a", "H1", "甲医院", "10", "2026-11-01", "R1"));

		assertThat(export(entries)).isEqualTo(export(entries));
		assertThat(RecoveryEntry.rowId(RecoverySource.APPEAL_OUTCOME, "is-1"))
			.as("a name-based UUID of source and key, the same on every installation")
			.isEqualTo(java.util.UUID.nameUUIDFromBytes("recovery|APPEAL_OUTCOME|is-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
			.isNotEqualTo(RecoveryEntry.rowId(RecoverySource.SELF_REPORT, "is-1"));
	}

	@Test
	void theDocumentedHeaderAndExampleRowIdsAreWhatTheCodeWrites() throws Exception {
		String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/recovery-export.md"));

		assertThat(doc).contains(String.join(",", RecoveryExport.COLUMNS) + "\n")
			.contains(RecoveryEntry.rowId(RecoverySource.APPEAL_OUTCOME, "is-1") + ",APPEAL_OUTCOME,")
			.contains(RecoveryEntry.rowId(RecoverySource.PENALTY, "7") + ",PENALTY,");
	}
}
