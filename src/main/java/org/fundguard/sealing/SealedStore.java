package org.fundguard.sealing;

/**
 * A place that keeps sealed content (a table's column, the documents' content): a key rotation asks each to re-wrap its
 * data keys under the new master key.
 */
public interface SealedStore {

	/** What the store holds, for the command's report (e.g. 举报人身份). */
	String label();

	/** Re-wraps every envelope not yet under the primary master key; returns how many were re-wrapped. */
	int rewrap(Sealer sealer);

	/** How many envelopes are still wrapped by a master key other than the primary. */
	int wrappedByOtherKeys(Sealer sealer);
}
