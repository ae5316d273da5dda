package org.fundguard.claims.load;

/** How far a load is, for a progress bar or a status page; called every few thousand rows. */
@FunctionalInterface
public interface LoadProgress {

	/**
	 * @param file the file being read, e.g. {@code fee_items.csv}
	 * @param rows data rows read so far in all files
	 * @param bytesRead bytes read so far in all files
	 * @param totalBytes the size of all files of the export
	 */
	void update(String file, long rows, long bytesRead, long totalBytes);

	LoadProgress NONE = (file, rows, bytesRead, totalBytes) -> {
	};
}
