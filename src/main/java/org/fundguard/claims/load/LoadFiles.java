package org.fundguard.claims.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one export folder, checked before a single row is loaded: a missing required file, a header without
 * a required column, bytes that are not UTF-8, a NUL byte or a quote never closed stop the load at once, so that
 * such an export never half-loads. Checking encoding and framing reads every file once more before the load, as bytes
 * ({@link ByteCheck}): a fraction of the time the load itself reads them in.
 * A folder with items.csv alone is a catalogue import: see {@link #catalogueOnly()}.
 */
final class LoadFiles {

	private final Path folder;
	private final Map<ExportFile, Path> present = new EnumMap<>(ExportFile.class);

	private final ExportReader.Limits limits;
	private final boolean catalogueOnly;

	LoadFiles(Path folder, ExportReader.Limits limits) throws ExportReader.BadFile, IOException {
		this(folder, limits, LoadProgress.NONE);
	}

	/** Checks the files, telling {@code progress} how many of their bytes are checked: a large export takes seconds. */
	LoadFiles(Path folder, ExportReader.Limits limits, LoadProgress progress) throws ExportReader.BadFile, IOException {
		this.folder = folder;
		this.limits = limits;
		if (!Files.isDirectory(folder)) {
			throw new ExportReader.BadFile(folder + " is not a folder");
		}
		List<String> missing = new ArrayList<>();
		for (ExportFile file : ExportFile.values()) {
			Path path = folder.resolve(file.fileName());
			if (Files.isRegularFile(path)) {
				present.put(file, path);
			}
			else if (file.required()) {
				missing.add(file.fileName());
			}
		}
		catalogueOnly = present.keySet().equals(java.util.Set.of(ExportFile.ITEMS));
		if (!missing.isEmpty() && !catalogueOnly) {
			throw new ExportReader.BadFile("required file(s) missing from " + folder + ": " + String.join(", ", missing));
		}
		long total = totalBytes();
		long before = 0;
		for (Map.Entry<ExportFile, Path> file : present.entrySet()) {
			// the header first (its columns), then every byte
			new ExportReader(file.getKey(), file.getValue(), limits).close();
			long checkedBefore = before;
			String name = "校验/checking " + file.getKey().fileName();
			ExportReader.checkBytes(file.getKey(), file.getValue(),
					bytes -> progress.update(name, 0, checkedBefore + bytes, total));
			before += Files.size(file.getValue());
		}
	}

	/**
	 * Whether the folder holds items.csv and no other export file: a catalogue import (目录/知识库更新), which
	 * updates the items alone. A folder with items.csv and some but not all other required files is an export with
	 * files missing, not a catalogue.
	 */
	boolean catalogueOnly() {
		return catalogueOnly;
	}

	boolean has(ExportFile file) {
		return present.containsKey(file);
	}

	ExportReader open(ExportFile file) throws IOException, ExportReader.BadFile {
		return new ExportReader(file, present.get(file), limits);
	}

	long totalBytes() throws IOException {
		long total = 0;
		for (Path p : present.values()) {
			total += Files.size(p);
		}
		return total;
	}

	Path folder() {
		return folder;
	}
}
