package org.fundguard.record;

/**
 * The verifier's verdict on one case's record: intact, or the first entry (by position) that does not match and why.
 *
 * @param firstBadSeq the sequence number at which the chain breaks, or null when intact
 */
public record ChainVerification(long caseId, boolean intact, int entries, Integer firstBadSeq, String problem) {

	static ChainVerification intact(long caseId, int entries) {
		return new ChainVerification(caseId, true, entries, null, null);
	}

	static ChainVerification broken(long caseId, int entries, int seq, String problem) {
		return new ChainVerification(caseId, false, entries, seq, problem);
	}
}
