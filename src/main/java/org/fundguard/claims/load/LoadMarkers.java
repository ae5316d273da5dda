package org.fundguard.claims.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;

/**
 * Beside each load's folder ({@code <data>/loads/<id>/}), a file that says it runs ({@code running}, with the
 * process id) or that it was interrupted ({@code interrupted}), until a later load of the same folder completes it.
 * They are for the launcher's {@code ./fundguard status}, a shell script that cannot read the database: a
 * {@code running} file whose process is gone is a load killed before it could say so.
 */
final class LoadMarkers {

	static final String RUNNING = "running";
	static final String INTERRUPTED = "interrupted";

	private final Path loadsFolder;

	LoadMarkers(Path loadsFolder) {
		this.loadsFolder = loadsFolder;
	}

	void running(String id, String source, LoadOwner owner, OffsetDateTime started) {
		write(id, RUNNING, "pid=" + owner.pid() + "\nsource=" + source + "\nstarted=" + started + "\n");
	}

	/** The load's process is gone: its running file becomes an interrupted one. */
	void interrupted(String id) {
		Path running = loadsFolder.resolve(id).resolve(RUNNING);
		try {
			if (Files.exists(running)) {
				Files.move(running, running.resolveSibling(INTERRUPTED), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The load ended, whichever way, or an interrupted one was completed by a later load: nothing to report. */
	void clear(String id) {
		try {
			Files.deleteIfExists(loadsFolder.resolve(id).resolve(RUNNING));
			Files.deleteIfExists(loadsFolder.resolve(id).resolve(INTERRUPTED));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void write(String id, String name, String text) {
		try {
			Path folder = Files.createDirectories(loadsFolder.resolve(id));
			Path tmp = folder.resolve(name + ".tmp");
			Files.writeString(tmp, text);
			Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
