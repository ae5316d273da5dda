package org.fundguard.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return GenerateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void badArgumentsExitWithTwoAndTheUsage() {
		assertThat(run()).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out, --persons, --months and --seed are required")
			.contains("usage: generate --out DIR");
		err.reset();
		assertThat(run("--out", "x", "--persons", "many", "--months", "3", "--seed", "1")).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--persons must be a whole number");
		assertThat(run("--out", "x", "--persons", "5", "--months", "3", "--seed", "1", "--colour", "red")).isEqualTo(2);
		assertThat(run("--out", "x", "--persons", "5", "--months", "3", "--seed", "1", "--end", "2026-13")).isEqualTo(2);
		assertThat(run("--out", "x", "--persons", "5", "--months", "3", "--seed", "1", "--bad-rows")).isEqualTo(2);
	}

	@Test
	void helpPrintsTheUsage() {
		assertThat(run("--help")).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("--bad-rows RATE");
	}

	@Test
	void aShortPeriodSaysTheFundRulesAreNotInjected(@TempDir Path dir) throws Exception {
		assertThat(run("--out", dir.toString(), "--persons", "300", "--months", "6", "--seed", "3")).isZero();

		assertThat(out.toString(StandardCharsets.UTF_8)).contains("fee_items.csv").contains("rows");
		assertThat(Files.readString(dir.resolve("manifest.json")))
			.contains("no injected case of expenditure-growth: the fund rules need 13 or more months")
			.contains("\"jurisdictionPrefix\" : \"3703\"");
		assertThat(dir.resolve("expected_rejects.csv")).doesNotExist();
	}
}
