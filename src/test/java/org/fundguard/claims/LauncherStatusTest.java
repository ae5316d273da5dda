package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./fundguard status} marks a load whose process is gone as interrupted in the load's own file, as the app does
 * when it next starts: the next status, the rules and the next load of the folder all see it so.
 */
class LauncherStatusTest {

	@TempDir
	Path data;

	@Test
	void aRunningFileWhoseProcessIsGoneBecomesAnInterruptedOne() throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Path running = Files.createDirectories(data.resolve("loads").resolve("load-1")).resolve("running");
		Files.writeString(running, "pid=" + gone.pid() + "\nsource=/exports/2026-11\nstarted=2026-12-07T09:00+08:00\n");

		String output = status();

		assertThat(output).contains("已中断 / interrupted", "/exports/2026-11", "./fundguard load /exports/2026-11");
		assertThat(running).doesNotExist();
		assertThat(running.resolveSibling("interrupted")).hasContent(
				"pid=" + gone.pid() + "\nsource=/exports/2026-11\nstarted=2026-12-07T09:00+08:00");
		assertThat(status()).as("still said on the next status").contains("已中断 / interrupted", "/exports/2026-11");
	}

	@Test
	void aRunningFileOfALiveProcessStays() throws Exception {
		Path running = Files.createDirectories(data.resolve("loads").resolve("load-2")).resolve("running");
		Files.writeString(running, "pid=" + ProcessHandle.current().pid() + "\nsource=/exports/live\nstarted=x\n");

		status();

		assertThat(running).exists();
		assertThat(running.resolveSibling("interrupted")).doesNotExist();
	}

	/** Services given by unreachable URLs and the app by an unused port, so that status starts and finds nothing. */
	private String status() throws Exception {
		ProcessBuilder builder = new ProcessBuilder("bash", Path.of("fundguard").toAbsolutePath().toString(), "status")
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		env.put("FUNDGUARD_DATA", data.toString());
		env.put("FUNDGUARD_ES_URL", "http://127.0.0.1:1");
		env.put("FUNDGUARD_KEYCLOAK_URL", "http://127.0.0.1:1");
		env.put("FUNDGUARD_APP_PORT", "1");
		Process status = builder.start();
		assertThat(status.waitFor(60, TimeUnit.SECONDS)).as("status finished").isTrue();
		String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(status.exitValue()).as(output).isZero();
		return output;
	}
}
