package org.fundguard.claims.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;

/**
 * The process that runs a load: host, process id and the process's start. On the same host a load's owner can be
 * asked whether it still runs, so a load killed with {@code kill -9} shows as interrupted at once; the start time
 * tells a reused process id from the owner. On another host only the heartbeat can tell.
 */
record LoadOwner(String host, long pid, long startedMillis) {

	/** The start time is not known (some systems do not say): then a live process of that id counts as the owner. */
	static final long UNKNOWN_START = -1;
	/** Process start times as the system reports them differ by a few milliseconds between readings. */
	private static final long START_TOLERANCE_MS = 2_000;

	static LoadOwner current() {
		ProcessHandle self = ProcessHandle.current();
		return new LoadOwner(thisHost(), self.pid(), startOf(self));
	}

	static Optional<LoadOwner> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String[] parts = text.split(" ");
		if (parts.length != 3) {
			return Optional.empty();
		}
		try {
			return Optional.of(new LoadOwner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	String text() {
		return host + " " + pid + " " + startedMillis;
	}

	/** Whether this owner ran on this host and has ended (killed, crashed, or exited without finishing the load). */
	boolean goneFromThisHost() {
		if (!host.equals(thisHost())) {
			return false;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			return true;
		}
		long started = startOf(process.get());
		return startedMillis != UNKNOWN_START && started != UNKNOWN_START
				&& Math.abs(started - startedMillis) > START_TOLERANCE_MS;
	}

	private static long startOf(ProcessHandle process) {
		return process.info().startInstant().map(Instant::toEpochMilli).orElse(UNKNOWN_START);
	}

	private static String thisHost() {
		try {
			return InetAddress.getLocalHost().getHostName().replace(' ', '_');
		}
		catch (UnknownHostException e) {
			String name = System.getenv("HOSTNAME");
			return name == null || name.isBlank() ? "localhost" : name.replace(' ', '_');
		}
	}
}
