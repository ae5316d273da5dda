package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that once broke the loader (GBK, an open quote, rows of 50 MB and 1 GB) and their kin (mixed encodings, a NUL
 * byte): each is refused naming file, line and reason before anything is indexed, or its row is rejected without
 * being held whole. The large files are written streaming into the temporary folder, never built in memory.
 */
class HostileFilesTest {

	private static final Charset GBK = Charset.forName("GBK");
	private static final long MB = 1L << 20;
	private static final long GB = 1L << 30;

	@TempDir
	Path folder;

	@Test
	void personsInGbkAreRefusedNamingTheFileTheLineAndGbk() throws IOException {
		headersOnly();
		write("persons.csv", GBK, header(ExportFile.PERSONS) + "\nP1,370303195803141216,王建国,1,1958-03-14,370300,310,2020-01-01,,,0\n");

		assertThatThrownBy(() -> new LoadFiles(folder, ExportReader.Limits.DEFAULT))
			.isInstanceOf(ExportReader.BadFile.class)
			.hasMessageContaining("persons.csv 第 2 行")
			.hasMessageContaining("看起来是 GBK/GB18030 编码")
			.hasMessageContaining("persons.csv line 2: byte 0xCD is not UTF-8");
	}

	@Test
	void providersInGbkAreRefusedNamingTheFileTheLineAndGbk() throws IOException {
		headersOnly();
		write("providers.csv", GBK, header(ExportFile.PROVIDERS) + "\r\nH37030300011,淄博市第一医院,hospital,370303,3,active,\r\n");

		assertThatThrownBy(() -> new LoadFiles(folder, ExportReader.Limits.DEFAULT))
			.isInstanceOf(ExportReader.BadFile.class)
			.hasMessageContaining("providers.csv 第 2 行")
			.hasMessageContaining("GBK/GB18030");
	}

	@Test
	void aFileOfUtf8RowsWithOneGbkRowNamesTheFirstBadLine() throws IOException {
		headersOnly();
		Path providers = folder.resolve("providers.csv");
		try (OutputStream out = Files.newOutputStream(providers)) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }); // a BOM is allowed
			out.write((header(ExportFile.PROVIDERS) + "\nH37030300011,淄博市第一医院,hospital,370303,3,active,\n"
					+ "H37030300012,\"淄博市\n第二医院\",hospital,370303,3,active,\n").getBytes(StandardCharsets.UTF_8));
			out.write("H37030300013,淄博市第三医院,hospital,370303,3,active,\n".getBytes(GBK));
		}

		assertThatThrownBy(() -> new LoadFiles(folder, ExportReader.Limits.DEFAULT))
			.hasMessageContaining("providers.csv 第 5 行")
			.hasMessageContaining("GBK/GB18030");
	}

	@Test
	void bytesThatAreNeitherUtf8NorGbkAreRefusedWithoutGuessing() throws IOException {
		headersOnly();
		Path items = folder.resolve("items.csv");
		Files.write(items, (header(ExportFile.ITEMS) + "\n001104000010000,").getBytes(StandardCharsets.UTF_8));
		Files.write(items, new byte[] { (byte) 0xFF, (byte) 0xFE, 'x', ',', 's', '\n' }, java.nio.file.StandardOpenOption.APPEND);

		assertThatThrownBy(() -> new LoadFiles(folder, ExportReader.Limits.DEFAULT))
			.hasMessageContaining("items.csv 第 2 行有不是 UTF-8 编码的字节（0xFF）")
			.satisfies(e -> assertThat(e.getMessage()).doesNotContain("GBK"));
	}

	@Test
	void aNulByteRefusesTheFileNamingItsLine() throws IOException {
		headersOnly();
		write("fee_items.csv", StandardCharsets.UTF_8, header(ExportFile.FEE_ITEMS)
				+ "\nS1,1,2026-03-05 09:00:00,X1,,1,1.00,1.00\nS1,2,2026-03-05 09:00:00,X1,a\0b,1,1.00,1.00\n");

		assertThatThrownBy(() -> new LoadFiles(folder, ExportReader.Limits.DEFAULT))
			.hasMessageContaining("fee_items.csv 第 3 行有空字符（NUL")
			.hasMessageContaining("fee_items.csv line 3: a NUL byte");
	}

	@Test
	void anUnterminatedQuoteInTheLastFeeLineRefusesTheFileNamingItsLine() throws IOException {
		headersOnly();
		write("fee_items.csv", StandardCharsets.UTF_8, header(ExportFile.FEE_ITEMS)
				+ "\nS1,1,2026-03-05 09:00:00,X1,,1,1.00,1.00\nS1,2,2026-03-05 09:00:00,X1,,1,1.00,1.00\n"
				+ "S1,3,2026-03-05 09:00:00,X1,\"血液透析,1,1.00,1.00\n");

		assertThatThrownBy(() -> new LoadFiles(folder, ExportReader.Limits.DEFAULT))
			.isInstanceOf(ExportReader.BadFile.class)
			.hasMessageContaining("fee_items.csv 第 4 行开始的引号直到文件末尾都没有闭合")
			.hasMessageContaining("fee_items.csv line 4: a quote opened there is never closed");
	}

	@Test
	void quotedLineBreaksCommasAndQuotesStillFrameAndLinesCountPhysically() throws IOException, ExportReader.BadFile {
		headersOnly();
		write("providers.csv", StandardCharsets.UTF_8, header(ExportFile.PROVIDERS)
				+ "\r\nH37030300011,\"淄博市第一医院, \"\"东院区\"\"\r\n（原市立医院）\",hospital,370303,3,active,\r\n"
				+ "\r\nH37030300012,某院,clinic,370303,,active,\r\n");

		List<Row> rows = rows(new LoadFiles(folder, ExportReader.Limits.DEFAULT), ExportFile.PROVIDERS, new ArrayList<>());

		assertThat(rows).extracting(r -> r.text("provider_name")).containsExactly("淄博市第一医院, \"东院区\"\n（原市立医院）", "某院");
		assertThat(rows).extracting(Row::lineNumber).containsExactly(2L, 5L);
		assertThat(rows).extracting(Row::rowNumber).containsExactly(2L, 3L);
	}

	@Test
	void aCellLongerThanTheLimitRejectsItsRowNamingTheColumn() throws IOException, ExportReader.BadFile {
		headersOnly();
		write("providers.csv", StandardCharsets.UTF_8, header(ExportFile.PROVIDERS) + "\nH37030300011," + "院".repeat(101)
				+ ",hospital,370303,3,active,\nH37030300012,某院,clinic,370303,,active,\n");
		List<ExportReader.BadRow> bad = new ArrayList<>();

		List<Row> rows = rows(new LoadFiles(folder, new ExportReader.Limits(1000, 100)), ExportFile.PROVIDERS, bad);

		assertThat(rows).extracting(r -> r.text("provider_code")).containsExactly("H37030300012");
		assertThat(bad).singleElement().satisfies(b -> {
			assertThat(b.column()).isEqualTo("provider_name");
			assertThat(b.line()).isEqualTo(2);
			assertThat(b.reason()).contains("该列的值有 101 个字符，超过上限 100");
		});
	}

	@Test
	void a50MbLineIsRejectedAndTheReportKeepsItsFirstKilobyteAndLength() throws IOException, ExportReader.BadFile {
		headersOnly();
		long length = longLine("settlements.csv", 50 * MB, false);

		List<ExportReader.BadRow> bad = new ArrayList<>();
		List<Row> rows = rows(new LoadFiles(folder, ExportReader.Limits.DEFAULT), ExportFile.SETTLEMENTS, bad);
		assertThat(rows).extracting(r -> r.text("settlement_id")).containsExactly("S2");
		assertThat(rows).extracting(Row::lineNumber).containsExactly(3L);
		assertThat(bad).singleElement().satisfies(b -> {
			assertThat(b.line()).isEqualTo(2);
			assertThat(b.rawLength()).isEqualTo(length);
			assertThat(b.reason()).contains("该行有 " + length + " 个字符，超过上限 65536");
		});

		Path report = folder.resolve("rejects.csv");
		try (RejectsReport rejects = new RejectsReport(Files.newOutputStream(report), Long.MAX_VALUE)) {
			ExportReader.BadRow b = bad.get(0);
			rejects.reject(ExportFile.SETTLEMENTS, b.rowNumber(), b.line(), b.column(), b.reason(), b.raw(), b.rawLength());
		}
		assertThat(Files.size(report)).isLessThan(2048);
		try (CSVReader csv = new CSVReader(Files.newBufferedReader(report))) {
			List<String[]> lines = csv.readAll();
			assertThat(lines.get(0)).endsWith("raw", "raw_length");
			assertThat(lines.get(1)[5]).startsWith("S1,P1,");
			assertThat(lines.get(1)[5].getBytes(StandardCharsets.UTF_8).length).isBetween(1021, 1024);
			assertThat(lines.get(1)[6]).isEqualTo(Long.toString(length));
		}
		catch (com.opencsv.exceptions.CsvException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void aGigabyteLineIsRejectedWithoutBeingHeldAndTheNextRowLoads() throws IOException, ExportReader.BadFile {
		headersOnly();
		long length = longLine("settlements.csv", GB, false);

		List<ExportReader.BadRow> bad = new ArrayList<>();
		List<Row> rows = rows(new LoadFiles(folder, ExportReader.Limits.DEFAULT), ExportFile.SETTLEMENTS, bad);

		assertThat(rows).extracting(r -> r.text("settlement_id")).containsExactly("S2");
		assertThat(bad).singleElement().satisfies(b -> {
			assertThat(b.rawLength()).isEqualTo(length);
			assertThat(b.raw()).hasSize(RecordReader.HEAD);
		});
	}

	@Test
	void aGigabyteFileOfOneQuotedCellIsRefusedNamingTheFile() throws IOException {
		headersOnly();
		Path settlements = folder.resolve("settlements.csv");
		byte[] chunk = ("x".repeat(1023) + "\n").getBytes(StandardCharsets.US_ASCII); // line breaks inside the quotes
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(settlements), 1 << 20)) {
			out.write('"');
			for (long written = 0; written < GB; written += chunk.length) {
				out.write(chunk);
			}
			out.write('"');
		}

		assertThatThrownBy(() -> new LoadFiles(folder, ExportReader.Limits.DEFAULT))
			.isInstanceOf(ExportReader.BadFile.class)
			.hasMessageContaining("settlements.csv 的表头行有 " + (GB + 2) + " 个字符，超过上限 65536");
	}

	@Test
	void aLongRowInsideQuotesIsSkippedToItsRealEndWhileItsQuotesAreTracked() throws IOException, ExportReader.BadFile {
		headersOnly();
		StringBuilder cell = new StringBuilder("\"");
		for (int i = 0; i < 300; i++) {
			cell.append("a,\"\"b\"\"\n"); // commas, escaped quotes and line breaks past the limit
		}
		cell.append('"');
		write("providers.csv", StandardCharsets.UTF_8, header(ExportFile.PROVIDERS) + "\nH37030300011," + cell
				+ ",hospital,370303,3,active,\nH37030300012,某院,clinic,370303,,active,\n");
		List<ExportReader.BadRow> bad = new ArrayList<>();

		List<Row> rows = rows(new LoadFiles(folder, new ExportReader.Limits(1000, 1000)), ExportFile.PROVIDERS, bad);

		assertThat(rows).extracting(r -> r.text("provider_code")).containsExactly("H37030300012");
		assertThat(rows).extracting(Row::lineNumber).containsExactly(303L);
		assertThat(bad).singleElement().satisfies(b -> assertThat(b.line()).isEqualTo(2));
	}

	@Test
	void aByteOrderMarkIsNoError() throws IOException, ExportReader.BadFile {
		headersOnly();
		write("providers.csv", StandardCharsets.UTF_8, "\uFEFF" + header(ExportFile.PROVIDERS) + "\nH37030300012,某院,clinic,370303,,active,\n");

		assertThat(rows(new LoadFiles(folder, ExportReader.Limits.DEFAULT), ExportFile.PROVIDERS, new ArrayList<>()))
			.extracting(r -> r.text("provider_name")).containsExactly("某院");
	}

	@Test
	void readingAgainAfterTheEndStillSaysTheEnd() throws IOException, ExportReader.BadFile {
		headersOnly();
		write("providers.csv", StandardCharsets.UTF_8, header(ExportFile.PROVIDERS) + "\nH37030300012,某院,clinic,370303,,active,");

		try (ExportReader reader = new LoadFiles(folder, ExportReader.Limits.DEFAULT).open(ExportFile.PROVIDERS)) {
			List<ExportReader.BadRow> bad = new ArrayList<>();
			assertThat(reader.next(bad)).isNotNull();
			assertThat(reader.next(bad)).isNull();
			assertThat(reader.next(bad)).isNull();
		}
	}

	@Test
	void gb18030IsRecognisedOnlyWhenTheBytesDecodeToChineseCharacters() {
		assertThat(StrictUtf8Reader.looksLikeGb18030("淄博市第一医院,hospital\n".getBytes(GBK))).isTrue();
		assertThat(StrictUtf8Reader.looksLikeGb18030(new byte[] { (byte) 0xFF, (byte) 0xFE, 'x' })).isFalse();
		assertThat(StrictUtf8Reader.looksLikeGb18030(new byte[] { (byte) 0xC3, '(' })).isFalse();
	}

	/** A settlement row S1 made {@code size} bytes long by its diag_name, then a short row S2; returns S1's length. */
	private long longLine(String file, long size, boolean quoted) throws IOException {
		Path path = folder.resolve(file);
		String start = "S1,P1,H37030300011,370300,370300,11,2026-03-05,2026-03-05,2026-03-05 09:00:00,N18.500,";
		String end = ",,,15.00,0.00,15.00\n";
		byte[] chunk = "透析".repeat(1 << 17).getBytes(StandardCharsets.UTF_8); // 768 KB, 2^18 characters
		long chars = start.length() + end.length() - 1;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20)) {
			out.write((header(ExportFile.SETTLEMENTS) + "\n" + start).getBytes(StandardCharsets.UTF_8));
			for (long written = 0; written < size; written += chunk.length) {
				out.write(chunk);
				chars += 1 << 18;
			}
			out.write(end.getBytes(StandardCharsets.UTF_8));
			out.write("S2,P1,H37030300011,370300,370300,11,2026-03-05,2026-03-05,2026-03-05 09:00:00,N18.500,,,,15.00,0.00,15.00\n"
				.getBytes(StandardCharsets.UTF_8));
		}
		return chars;
	}

	private static List<Row> rows(LoadFiles files, ExportFile file, List<ExportReader.BadRow> bad)
			throws IOException, ExportReader.BadFile {
		List<Row> rows = new ArrayList<>();
		try (ExportReader reader = files.open(file)) {
			List<ExportReader.BadRow> malformed = new ArrayList<>();
			Row row;
			while ((row = reader.next(malformed)) != null || !malformed.isEmpty()) {
				bad.addAll(malformed);
				malformed.clear();
				if (row != null) {
					rows.add(row);
				}
			}
		}
		return rows;
	}

	private void headersOnly() throws IOException {
		for (ExportFile file : ExportFile.values()) {
			if (file.required()) {
				write(file.fileName(), StandardCharsets.UTF_8, header(file) + "\n");
			}
		}
	}

	private void write(String file, Charset charset, String text) throws IOException {
		Files.writeString(folder.resolve(file), text, charset);
	}

	private static String header(ExportFile file) {
		List<String> columns = new ArrayList<>(file.requiredColumns());
		columns.addAll(file.optionalColumns());
		if (file == ExportFile.PROVIDERS) {
			columns = Arrays.asList("provider_code", "provider_name", "provider_type", "region", "level", "agreement_status",
					"agreement_start");
		}
		if (file == ExportFile.PERSONS) {
			columns = Arrays.asList("person_id", "id_number", "name", "gender", "birth_date", "insured_region",
					"insurance_type", "enroll_date", "end_date", "death_date", "assisted");
		}
		if (file == ExportFile.SETTLEMENTS) {
			columns = Arrays.asList("settlement_id", "person_id", "provider_code", "medical_region", "insured_region",
					"med_type", "visit_start", "visit_end", "settle_time", "diag_code", "diag_name", "dept_name",
					"doctor_code", "total_amount", "fund_paid", "self_paid");
		}
		if (file == ExportFile.FEE_ITEMS) {
			columns = Arrays.asList("settlement_id", "line_no", "item_time", "item_code", "item_name", "quantity",
					"unit_price", "amount");
		}
		return String.join(",", columns);
	}
}
