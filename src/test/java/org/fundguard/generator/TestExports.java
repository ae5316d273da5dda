package org.fundguard.generator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Generates the test exports once per test JVM and keeps them in a temporary folder. */
final class TestExports {

	/** Large enough that every rule, the fund rules and the peer outliers included, gets injected cases. */
	static final String[] STANDARD = { "--persons", "3000", "--months", "14", "--seed", "20260501" };

	private static final Map<String, Path> MADE = new HashMap<>();

	private TestExports() {
	}

	static synchronized Path generate(String name, String... args) {
		return MADE.computeIfAbsent(name, n -> {
			try {
				Path dir = Files.createTempDirectory("fundguard-" + n + "-");
				String[] all = new String[args.length + 2];
				all[0] = "--out";
				all[1] = dir.toString();
				System.arraycopy(args, 0, all, 2, args.length);
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				ByteArrayOutputStream err = new ByteArrayOutputStream();
				int code = GenerateCommand.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
						new PrintStream(err, true, StandardCharsets.UTF_8));
				if (code != 0) {
					throw new IllegalStateException("generate failed: " + err.toString(StandardCharsets.UTF_8));
				}
				return dir;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	static Path standard() {
		return generate("standard", STANDARD);
	}

	static CsvTables tables(Path dir) {
		try {
			return CsvTables.read(dir);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
