package org.fundguard.claims.load;

/**
 * What became of one file's rows.
 *
 * @param file the file name
 * @param read data rows read
 * @param loaded rows now in the index
 * @param rejected rows in the rejects report
 */
public record FileCounts(String file, long read, long loaded, long rejected) {
}
