package org.fundguard.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with --persons: an export of about 700,000 fee lines is generated in a JVM with a 24 MB
 * heap, far less than its settlements and lines would take if they were kept.
 */
class StreamingTest {

	@Test
	void aLargeExportFitsInASmallHeap(@TempDir Path dir) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process p = new ProcessBuilder(java, "-Xmx24m", "-cp", System.getProperty("java.class.path"),
				Main.class.getName(), "--out", dir.toString(), "--persons", "12000", "--months", "16", "--seed", "9")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("log.txt").toFile())
			.start();

		assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isZero();
		try (var lines = Files.lines(dir.resolve("fee_items.csv"))) {
			assertThat(lines.count()).isGreaterThan(500_000);
		}
	}

	/** The command as a program, for the child JVM. */
	public static final class Main {

		public static void main(String[] args) {
			System.exit(GenerateCommand.run(args));
		}
	}
}
