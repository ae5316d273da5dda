package org.fundguard.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.fundguard.sealing.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the document files a node kept in its own folder ({@code <data-dir>/documents/ab/<sha256>}, before issue 21)
 * into the shared store at start-up: a plaintext file (from before encryption at rest) is sealed on the way, a
 * sealed one is kept as it is once it opens to its own hash. A file is deleted only when the store holds its content,
 * so an interrupted move is finished by the next start and content already moved is never kept twice. A file that
 * opens to nothing is left where it is and named in the log.
 */
@Component
class FolderImport {

	private static final Logger log = LoggerFactory.getLogger(FolderImport.class);

	private final DocumentContents contents;
	private final Sealer sealer;
	private final Path folder;

	FolderImport(DocumentContents contents, Sealer sealer, @Value("${fundguard.data-dir}") Path dataDir) {
		this.contents = contents;
		this.sealer = sealer;
		this.folder = dataDir.resolve("documents");
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		int moved = moveAll();
		if (moved > 0) {
			log.info("moved {} document file(s) from {} into the shared document store", moved, folder);
		}
	}

	/** Moves every file it can; returns how many the store took or already held. */
	int moveAll() {
		int moved = 0;
		for (Path file : files()) {
			String sha256 = file.getFileName().toString();
			byte[] bytes = read(file);
			if (!contents.contains(sha256)) {
				byte[] sealed = sealed(sha256, bytes);
				if (sealed == null) {
					log.warn("document file {} is neither its content nor sealed content of it: left in place", file);
					continue;
				}
				contents.putIfAbsent(sha256, sealed);
			}
			delete(file);
			moved++;
		}
		removeEmptyFolders();
		return moved;
	}

	private byte[] sealed(String sha256, byte[] bytes) {
		if (Sha256.hex(bytes).equals(sha256)) {
			return sealer.seal(bytes, DocumentStore.context(sha256));
		}
		try {
			return Sha256.hex(sealer.open(bytes, DocumentStore.context(sha256))).equals(sha256) ? bytes : null;
		}
		catch (RuntimeException damaged) {
			return null;
		}
	}

	private List<Path> files() {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> all = Files.walk(folder)) {
			return all.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}")).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void removeEmptyFolders() {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> all = Files.walk(folder)) {
			for (Path dir : all.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
				try (Stream<Path> inside = Files.list(dir)) {
					if (inside.findAny().isEmpty()) {
						Files.delete(dir);
					}
				}
			}
		}
		catch (IOException e) {
			log.warn("empty folders under {} not removed: {}", folder, e.toString());
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
