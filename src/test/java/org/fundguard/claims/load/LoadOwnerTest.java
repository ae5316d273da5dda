package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Whether the process that ran a load is still there: by process id and start time, on this host only. */
class LoadOwnerTest {

	@Test
	void thisProcessRunsItsLoads() {
		LoadOwner self = LoadOwner.current();

		assertThat(self.goneFromThisHost()).isFalse();
		assertThat(LoadOwner.parse(self.text())).contains(self);
	}

	@Test
	void aProcessThatEndedIsGone() throws Exception {
		Process process = new ProcessBuilder("true").start();
		long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(LoadOwner.UNKNOWN_START);
		process.waitFor();

		assertThat(new LoadOwner(LoadOwner.current().host(), process.pid(), start).goneFromThisHost()).isTrue();
	}

	@Test
	void aProcessIdTakenByAnotherProcessIsGone() {
		LoadOwner self = LoadOwner.current();

		assertThat(new LoadOwner(self.host(), self.pid(), self.startedMillis() - 3_600_000).goneFromThisHost()).isTrue();
	}

	@Test
	void anotherHostsProcessCannotBeAskedHere() {
		assertThat(new LoadOwner("some-other-host", 1, 1).goneFromThisHost()).isFalse();
	}

	@Test
	void anUnreadableOwnerIsNone() {
		assertThat(LoadOwner.parse(null)).isEmpty();
		assertThat(LoadOwner.parse("host notanumber 1")).isEmpty();
		assertThat(LoadOwner.parse("just-a-host")).isEmpty();
	}
}
