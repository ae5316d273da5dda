package org.fundguard.claims.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.annotation.PreDestroy;

import org.fundguard.errors.Refused;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Loads asked for through the web run one after another in the background; the caller gets the load's id at
 * once and follows it on the loads page. Folders must lie under a configured import root, so that the web
 * cannot be used to read arbitrary server paths.
 */
@Service
public class LoadQueue {

	private static final Set<String> EXPORT_FILES = Set.of("providers.csv", "persons.csv", "items.csv",
			"settlements.csv", "fee_items.csv", "inspectors.csv", "fund_ledger.csv");

	private final ClaimsLoader loader;
	private final List<Path> importRoots;
	private final Path uploads;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "claims-load"));

	LoadQueue(ClaimsLoader loader, @Value("${fundguard.loader.import-roots}") List<Path> importRoots,
			@Value("${fundguard.data-dir}") Path dataDir) {
		this.loader = loader;
		this.importRoots = importRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
		this.uploads = dataDir.resolve("uploads");
	}

	/** Loads a folder on the server, named as the person typed it; only one under an import root is taken. */
	public String loadFolder(String folder, String requestedBy) {
		if (folder == null || folder.isBlank()) {
			throw Refused.because("claims.load.folder-missing");
		}
		Path normalized;
		try {
			normalized = Path.of(folder).toAbsolutePath().normalize();
		}
		catch (InvalidPathException e) {
			throw Refused.because("claims.load.folder-invalid", folder);
		}
		if (importRoots.stream().noneMatch(normalized::startsWith)) {
			throw Refused.because("claims.load.outside-import-roots", importRoots);
		}
		return submit(normalized, requestedBy);
	}

	/** Unpacks an uploaded zip (its CSV files at the top or in one folder) and loads it. */
	public String loadZip(InputStream zip, String requestedBy) throws IOException {
		Path folder = uploads.resolve(UUID.randomUUID().toString());
		Files.createDirectories(folder);
		int files = 0;
		try (ZipInputStream in = new ZipInputStream(zip)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				// only the export's own file names are taken, by their last path element: no path from the zip is used
				String name = Path.of(entry.getName()).getFileName().toString();
				if (!entry.isDirectory() && EXPORT_FILES.contains(name)) {
					Files.copy(in, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
					files++;
				}
			}
		}
		if (files == 0) {
			throw Refused.because("claims.load.zip-without-export");
		}
		return submit(folder, requestedBy);
	}

	private String submit(Path folder, String requestedBy) {
		String id = loader.register(folder, requestedBy);
		worker.submit(() -> loader.run(id, folder, LoadProgress.NONE));
		return id;
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}
}
