package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.FileCounts;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hostile files of issue 16 through the whole loader and the real Elasticsearch: a file that cannot be read as
 * UTF-8 CSV is refused naming file, line and reason with nothing indexed; an over-long row is rejected, kept in the
 * report as its first kilobyte and its length, and the rest loads. Each time the corrected export then loads exactly.
 */
@IntegrationTest
class HostileFilesIT {

	private static final Charset GBK = Charset.forName("GBK");

	@Autowired
	ClaimsLoader loader;

	@Autowired
	ClaimIndices indices;

	@Autowired
	ElasticsearchClient elasticsearch;

	@TempDir
	Path temp;

	@Test
	void personsInGbk() throws IOException {
		refusedThenCorrected(export -> reencode(export.resolve("persons.csv"), GBK), "persons.csv 第 2 行", "GBK/GB18030");
	}

	@Test
	void providersInGbk() throws IOException {
		refusedThenCorrected(export -> reencode(export.resolve("providers.csv"), GBK), "providers.csv 第 2 行", "GBK/GB18030");
	}

	@Test
	void personsWithOneRowInGbkAfterUtf8Rows() throws IOException {
		refusedThenCorrected(export -> {
			Path persons = export.resolve("persons.csv");
			List<String> lines = Files.readAllLines(persons, StandardCharsets.UTF_8);
			try (OutputStream out = Files.newOutputStream(persons)) {
				out.write((lines.get(0) + "\n" + lines.get(1) + "\n").getBytes(StandardCharsets.UTF_8));
				out.write((lines.get(2) + "\n").getBytes(GBK));
			}
		}, "persons.csv 第 3 行", "GBK/GB18030");
	}

	@Test
	void aNulByteInSettlements() throws IOException {
		refusedThenCorrected(export -> {
			Path settlements = export.resolve("settlements.csv");
			Files.writeString(settlements, Files.readString(settlements).replace("2型糖尿病", "2型\0糖尿病"));
		}, "settlements.csv 第 3 行", "NUL");
	}

	@Test
	void anUnterminatedQuoteInTheLastFeeLine() throws IOException {
		refusedThenCorrected(export -> {
			Path lines = export.resolve("fee_items.csv");
			String text = Files.readString(lines);
			int last = text.lastIndexOf("二甲双胍片");
			Files.writeString(lines, text.substring(0, last) + "\"" + text.substring(last));
		}, "fee_items.csv 第 4 行", "引号直到文件末尾都没有闭合");
	}

	@Test
	void a50MbLineInSettlements() throws IOException {
		rejectedThenCorrected(50L << 20);
	}

	@Test
	void aGigabyteLineInSettlements() throws IOException {
		rejectedThenCorrected(1L << 30);
	}

	private void refusedThenCorrected(Spoil spoil, String where, String why) throws IOException {
		String p = prefix();
		TinyExport export = new TinyExport(p);
		Path folder = export.writeTo(temp.resolve("export"));
		spoil.apply(folder);

		LoadRecord refused = loader.load(folder, "test", LoadProgress.NONE);

		assertThat(refused.status()).isEqualTo("FAILED");
		assertThat(refused.message()).contains("未加载任何数据", where, why);
		assertThat(count(indices.persons(), "person_id", p + "P1")).as("nothing indexed").isZero();
		assertThat(count(indices.claims(), "settlement_id", p + "S2")).isZero();
		correctedRerunLoadsExactly(export, p);
	}

	private void rejectedThenCorrected(long size) throws IOException {
		String p = prefix();
		TinyExport export = new TinyExport(p);
		Path folder = export.writeTo(temp.resolve("export"));
		long length = appendLongSettlement(folder.resolve("settlements.csv"), p, size);

		LoadRecord record = loader.load(folder, "test", LoadProgress.NONE);

		assertThat(record.status()).as(record.message()).isEqualTo("COMPLETED_WITH_REJECTS");
		assertThat(record.files()).contains(new FileCounts("settlements.csv", 3, 2, 1), new FileCounts("fee_items.csv", 3, 3, 0));
		byte[] report = Rejects.bytes(loader, record.id());
		assertThat(report.length).as("the report keeps the row's first kilobyte").isLessThan(2048);
		String[] reject = Rejects.rows(report).getFirst();
		assertThat(reject[0]).isEqualTo("settlements.csv");
		assertThat(reject[2]).isEqualTo("4");
		assertThat(reject[4]).contains("该行有 " + length + " 个字符，超过上限 65536");
		assertThat(reject[5]).startsWith(p + "BIG,");
		assertThat(reject[6]).isEqualTo(Long.toString(length));
		assertThat(count(indices.settlements(), "settlement_id", p + "BIG")).isZero();
		correctedRerunLoadsExactly(export, p);
	}

	private void correctedRerunLoadsExactly(TinyExport export, String p) throws IOException {
		LoadRecord rerun = loader.load(export.writeTo(temp.resolve("corrected")), "test", LoadProgress.NONE);

		assertThat(rerun.status()).as(rerun.message()).isEqualTo("COMPLETED");
		assertThat(rerun.files()).contains(new FileCounts("providers.csv", 2, 2, 0), new FileCounts("persons.csv", 2, 2, 0),
				new FileCounts("settlements.csv", 2, 2, 0), new FileCounts("fee_items.csv", 3, 3, 0));
		assertThat(count(indices.persons(), "person_id", p + "P1")).isEqualTo(1);
		assertThat(count(indices.settlements(), "settlement_id", p + "S2")).isEqualTo(1);
		assertThat(count(indices.claims(), "settlement_id", p + "S2")).isEqualTo(2);
	}

	/** A settlement row made about {@code size} bytes long by its diagnosis name, written streaming; its length in characters. */
	private static long appendLongSettlement(Path settlements, String p, long size) throws IOException {
		String start = p + "BIG," + p + "P2,P37030200007,370302,370300,41,2026-03-05,2026-03-05,2026-03-05 09:00:00,E11.900,";
		String end = ",,,15.00,0.00,15.00";
		byte[] chunk = "糖尿病".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
		long length = start.length() + end.length();
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(settlements, java.nio.file.StandardOpenOption.APPEND), 1 << 20)) {
			out.write(start.getBytes(StandardCharsets.UTF_8));
			for (long written = 0; written < size; written += chunk.length) {
				out.write(chunk);
				length += 3 << 16;
			}
			out.write((end + "\n").getBytes(StandardCharsets.UTF_8));
		}
		return length;
	}

	private static void reencode(Path file, Charset charset) throws IOException {
		Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8), charset);
	}

	private long count(String index, String field, String value) throws IOException {
		indices.ensureReadable();
		elasticsearch.indices().refresh(r -> r.index(index));
		return elasticsearch.count(c -> c.index(index).query(q -> q.term(t -> t.field(field).value(value)))).count();
	}

	private static String prefix() {
		return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-";
	}

	@FunctionalInterface
	private interface Spoil {
		void apply(Path export) throws IOException;
	}
}
