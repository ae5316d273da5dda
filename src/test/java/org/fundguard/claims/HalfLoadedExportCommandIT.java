package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.fundguard.support.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's sequence of issue 16, each step its own process as {@code ./fundguard} runs it: a load fails because
 * Elasticsearch cannot be reached; {@code rules run} then refuses, in Chinese, to judge the half-loaded export unless
 * {@code --force} is given; a rerun with Elasticsearch back completes it, and then the rules run. Both load records
 * stay in the database, each in its own row: the failed one and the rerun.
 */
class HalfLoadedExportCommandIT {

	private static final String PREFIX = System.getenv().getOrDefault("FUNDGUARD_ES_INDEX_PREFIX", "it")
			+ "-halfload-cli-" + Long.toString(System.nanoTime(), 36);

	@TempDir
	Path temp;

	@Test
	void aFailedLoadHoldsTheRulesBackUntilARerunCompletesItAndBothRecordsStay() throws Exception {
		Path folder = new TinyExport("HL-").writeTo(temp.resolve("export"));

		Run failed = run("http://127.0.0.1:1", "load", folder.toString());
		assertThat(failed.exit()).as(failed.output()).isEqualTo(1);
		assertThat(failed.output()).contains("FAILED");

		Run refused = run(Services.elasticsearchUrl(), "rules", "run", "--from", "2026-01-01", "--to", "2026-03-31");
		assertThat(refused.exit()).as(refused.output()).isEqualTo(4);
		assertThat(refused.output()).contains("拒绝运行规则", "虚假疑点", folder.toAbsolutePath().toString(), "失败",
				"--force", "refused");

		Run forced = run(Services.elasticsearchUrl(), "rules", "run", "--force", "--from", "2026-01-01", "--to", "2026-03-31");
		assertThat(forced.output()).contains("警告", "--force").doesNotContain("拒绝运行规则");
		assertThat(forced.exit()).as(forced.output()).isNotEqualTo(4).isNotEqualTo(2);

		Run rerun = run(Services.elasticsearchUrl(), "load", folder.toString());
		assertThat(rerun.exit()).as(rerun.output()).isZero();

		Run rules = run(Services.elasticsearchUrl(), "rules", "run", "--from", "2026-01-01", "--to", "2026-03-31");
		assertThat(rules.output()).doesNotContain("拒绝运行规则", "警告：以下导出");
		assertThat(rules.exit()).as(rules.output()).isIn(0, 3);

		assertThat(loadRecords()).containsExactly("FAILED", "COMPLETED");
	}

	/** The load records of the test's data folder, oldest first, read as the app reads them. */
	private List<String> loadRecords() throws Exception {
		String url = "jdbc:h2:file:" + temp.resolve("data/db/fundguard") + ";AUTO_SERVER=TRUE";
		List<String> statuses = new ArrayList<>();
		try (Connection db = DriverManager.getConnection(url, "sa", "");
				var rows = db.createStatement().executeQuery("select status from claims_load order by started_at")) {
			while (rows.next()) {
				statuses.add(rows.getString(1));
			}
		}
		return statuses;
	}

	private Run run(String elasticsearchUrl, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-jar", Path.of("target", "fundguard.jar").toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		// the commands keep their records in their own H2 file, which the test reads, whatever database the suite uses
		env.remove("FUNDGUARD_DB_URL");
		env.remove("FUNDGUARD_DB_USER");
		env.remove("FUNDGUARD_DB_PASSWORD");
		env.remove("FUNDGUARD_DB_OWNER");
		env.remove("FUNDGUARD_DB_OWNER_PASSWORD");
		env.put("FUNDGUARD_ES_URL", elasticsearchUrl);
		env.put("FUNDGUARD_ES_INDEX_PREFIX", PREFIX);
		env.put("FUNDGUARD_DATA", temp.resolve("data").toString());
		env.put("FUNDGUARD_ID_HASH_KEY", "half-load-test-key-not-secret");
		Process process = builder.start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
		return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private record Run(int exit, String output) {
	}
}
