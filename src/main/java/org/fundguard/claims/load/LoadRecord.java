package org.fundguard.claims.load;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The record of one load: kept in the database, shown in the workbench and the REST API.
 *
 * @param status RUNNING, COMPLETED, COMPLETED_WITH_REJECTS, FAILED or INTERRUPTED
 * @param message what went wrong, or for a finished load a one-line summary
 * @param kind {@value #EXPORT} for an export folder, {@value #CATALOGUE} for items.csv alone (a catalogue import)
 */
public record LoadRecord(String id, String source, String requestedBy, String status, String message,
		OffsetDateTime startedAt, OffsetDateTime finishedAt, long rowsRead, long bytesRead, long totalBytes,
		List<FileCounts> files, String kind) {

	public static final String EXPORT = "EXPORT";
	public static final String CATALOGUE = "CATALOGUE";

	/** Whether this load imported the catalogue alone (目录/知识库导入). */
	public boolean catalogue() {
		return CATALOGUE.equals(kind);
	}

	public long rejected() {
		return files.stream().mapToLong(FileCounts::rejected).sum();
	}

	public long read() {
		return files.stream().mapToLong(FileCounts::read).sum();
	}

	public long loaded() {
		return files.stream().mapToLong(FileCounts::loaded).sum();
	}

	/** 0–100, from the bytes read; a finished load is 100. */
	public int percent() {
		if (finishedAt != null) {
			return 100;
		}
		return totalBytes == 0 ? 0 : (int) Math.min(99, bytesRead * 100 / totalBytes);
	}
}
