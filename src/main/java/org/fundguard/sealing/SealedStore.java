package org.fundguard.sealing;

import java.util.List;

/**
 * A place that keeps sealed content (a table's column, the documents' content): a key rotation re-wraps its data keys
 * under the new master key. A store says only where its envelopes are and how one is read and written back; the walk
 * over them, one envelope at a time, is the same for all (below).
 *
 * @param <K> what names one envelope in the store (a row's key, a content's hash)
 */
public interface SealedStore<K> {

	/** What the store holds, for the command's report (e.g. 举报人身份). */
	String label();

	/** The names of every sealed envelope kept: only names, as all the envelopes at once could be many megabytes. */
	List<K> envelopes();

	/** That envelope's sealed bytes, or null when it is gone meanwhile or is not sealed. */
	byte[] read(K envelope);

	/**
	 * Puts the re-wrapped envelope in its place, in one statement so that a reader never sees half of one; returns
	 * how many were replaced: 0 when it was deleted meanwhile.
	 */
	int write(K envelope, byte[] rewrapped);

	/** Re-wraps every envelope not yet under the primary master key; returns how many were re-wrapped. */
	default int rewrap(Sealer sealer) {
		return Rewrapping.rewrap(this, sealer);
	}

	/** How many envelopes are still wrapped by a master key other than the primary. */
	default int wrappedByOtherKeys(Sealer sealer) {
		int left = 0;
		for (K envelope : envelopes()) {
			byte[] sealed = read(envelope);
			if (sealed != null && sealer.wrappedByOtherKey(sealed)) {
				left++;
			}
		}
		return left;
	}
}
