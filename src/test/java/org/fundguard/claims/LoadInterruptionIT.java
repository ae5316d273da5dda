package org.fundguard.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A load whose process was killed (kill -9: no shutdown hook, no last word) is known as interrupted as soon as anyone
 * looks, not two minutes later: its record names the process that ran it, and that process is gone. Loads of live
 * processes, and of other hosts that still beat, stay running. A new load of the folder says what it completes.
 */
@IntegrationTest
class LoadInterruptionIT {

	@Autowired
	ClaimsLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Value("${fundguard.data-dir}")
	Path dataDir;

	@TempDir
	Path temp;

	@Test
	void aLoadWhoseProcessIsGoneIsInterruptedAtOnceAndTheNextLoadOfTheFolderSaysSoAndCompletesIt() throws Exception {
		Path folder = new TinyExport("K" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-")
			.writeTo(temp.resolve("export"));
		// a process that ran and is gone, as a killed load's JVM: its heartbeat is seconds old, not minutes
		Process gone = new ProcessBuilder("true").start();
		long pid = gone.pid();
		long start = gone.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
		gone.waitFor();
		String killed = running(folder, host() + " " + pid + " " + start, Duration.ofSeconds(5));
		Path marker = Files.createDirectories(dataDir.resolve("loads").resolve(killed)).resolve("running");
		Files.writeString(marker, "pid=" + pid + "\nsource=" + folder.toAbsolutePath() + "\nstarted=2026-12-07T09:00+08:00\n");

		assertThat(loader.interruptedLoadsOf(folder)).extracting(LoadRecord::id).containsExactly(killed);
		assertThat(status(killed)).isEqualTo("INTERRUPTED");
		assertThat(marker).doesNotExist();
		assertThat(marker.resolveSibling("interrupted")).exists();

		LoadRecord next = loader.load(folder, "test", LoadProgress.NONE);

		assertThat(next.status()).as(next.message()).isEqualTo("COMPLETED");
		assertThat(loader.interruptedLoadsOf(folder)).isEmpty();
		assertThat(marker.resolveSibling("interrupted")).as("completed by the next load").doesNotExist();
		assertThat(dataDir.resolve("loads").resolve(next.id()).resolve("running")).doesNotExist();
	}

	@Test
	void loadsOfLiveProcessesAndOfOtherHostsThatStillBeatStayRunningASilentOneIsInterrupted() throws IOException {
		Path folder = temp.resolve("elsewhere");
		ProcessHandle self = ProcessHandle.current();
		String alive = running(folder,
				host() + " " + self.pid() + " " + self.info().startInstant().map(Instant::toEpochMilli).orElse(-1L),
				Duration.ofSeconds(5));
		String beating = running(folder, "another-host 4242 1", Duration.ofSeconds(5));
		String silent = running(folder, "another-host 4343 1", Duration.ofMinutes(3));
		String reused = running(folder, host() + " " + self.pid() + " 1", Duration.ofSeconds(5));

		loader.latest(5);

		assertThat(status(alive)).isEqualTo("RUNNING");
		assertThat(status(beating)).isEqualTo("RUNNING");
		assertThat(status(silent)).isEqualTo("INTERRUPTED");
		assertThat(status(reused)).as("the process id now belongs to another process").isEqualTo("INTERRUPTED");
		jdbc.sql("update claims_load set status = 'FAILED' where id in (?, ?)").params(alive, beating).update();
	}

	private String running(Path folder, String owner, Duration sinceHeartbeat) {
		String id = UUID.randomUUID().toString();
		OffsetDateTime beat = OffsetDateTime.now().minus(sinceHeartbeat);
		jdbc.sql("""
				insert into claims_load (id, source, requested_by, status, started_at, heartbeat_at, rejects_path, owner)
				values (?, ?, 'test', 'RUNNING', ?, ?, ?, ?)""")
			.params(id, folder.toAbsolutePath().toString(), beat.minusSeconds(30), beat, temp.resolve("rejects.csv").toString(),
					owner)
			.update();
		return id;
	}

	private String status(String id) {
		return jdbc.sql("select status from claims_load where id = ?").param(id).query(String.class).single();
	}

	private static String host() throws IOException {
		return InetAddress.getLocalHost().getHostName().replace(' ', '_');
	}
}
