package org.fundguard.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.fundguard.sealing.SealedStore;
import org.fundguard.sealing.Sealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The document files at rest (evidence, appeal documents, records, generated documents): sealed as they are stored;
 * files stored in plaintext before are sealed at start; a key rotation re-wraps their data keys, each file replaced
 * atomically so that a reader never sees half of one.
 */
@Component
class DocumentSealing implements SealedStore {

	private static final Logger log = LoggerFactory.getLogger(DocumentSealing.class);

	private final DocumentStore store;
	private final Sealer sealer;

	DocumentSealing(DocumentStore store, Sealer sealer) {
		this.store = store;
		this.sealer = sealer;
	}

	@EventListener(ApplicationReadyEvent.class)
	void sealEarlierFiles() {
		int sealed = 0;
		for (Path file : files()) {
			byte[] bytes = read(file);
			String sha256 = file.getFileName().toString();
			if (Sha256.hex(bytes).equals(sha256)) {
				replace(file, sealer.seal(bytes, DocumentStore.context(sha256)));
				sealed++;
			}
		}
		if (sealed > 0) {
			log.info("sealed {} document file(s) stored in plaintext before", sealed);
		}
	}

	@Override
	public String label() {
		return "文书与证据文件 / document and evidence files";
	}

	@Override
	public int rewrap(Sealer s) {
		int done = 0;
		for (Path file : files()) {
			byte[] bytes = read(file);
			if (isSealed(file, bytes)) {
				byte[] rewrapped;
				try {
					rewrapped = s.rewrap(bytes);
				}
				catch (Sealer.SealBroken damaged) {
					// one damaged file must not stop the rotation of every other one; reading it is refused anyway
					log.warn("document file {} does not open under any master key: not re-wrapped", file);
					continue;
				}
				if (rewrapped != null) {
					replace(file, rewrapped);
					done++;
				}
			}
		}
		return done;
	}

	@Override
	public int wrappedByOtherKeys(Sealer s) {
		return (int) files().stream().filter(f -> {
			byte[] bytes = read(f);
			return isSealed(f, bytes) && s.wrappedByOtherKey(bytes);
		}).count();
	}

	private static boolean isSealed(Path file, byte[] bytes) {
		return !Sha256.hex(bytes).equals(file.getFileName().toString());
	}

	private List<Path> files() {
		if (!Files.isDirectory(store.root())) {
			return List.of();
		}
		try (Stream<Path> all = Files.walk(store.root())) {
			return all.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}")).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
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

	private static void replace(Path file, byte[] bytes) {
		try {
			Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
			Files.write(tmp, bytes);
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
