package org.fundguard.record;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * That a case's record, as it stood when the day's root was computed ({@code length} entries ending in
 * {@code headHash}), is leaf {@code leafIndex} of that root: what anyone needs to check it offline
 * ({@code fundguard record verify --root proof.json}), with the published root beside it.
 *
 * @param path the audit path, hex, from the leaf's sibling upwards (RFC 6962)
 */
public record RootProof(LocalDate day, long caseId, int length, String headHash, int leafIndex, int treeSize,
		List<String> path, String rootHash) {

	/** The leaf's data: {@code caseId|length|headHash} in UTF-8. */
	public static byte[] leafData(long caseId, int length, String headHash) {
		return (caseId + "|" + length + "|" + headHash).getBytes(StandardCharsets.UTF_8);
	}

	/** Whether the path leads from this leaf to {@code expectedRoot} (hex). */
	public boolean leadsTo(String expectedRoot) {
		try {
			return MerkleTree.verify(MerkleTree.leafHash(leafData(caseId, length, headHash)), leafIndex, treeSize,
					path.stream().map(MerkleTree::unhex).toList(), MerkleTree.unhex(expectedRoot));
		}
		catch (IllegalArgumentException badHex) {
			return false;
		}
	}
}
