package org.fundguard.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree of Certificate Transparency (RFC 6962, section 2.1): leaf hash SHA-256(0x00 ‖ data), node hash
 * SHA-256(0x01 ‖ left ‖ right), a tree of n leaves split at the largest power of two below n. Written here rather than
 * taken from a library because no maintained Java library on Maven Central offers just this (the transparency logs'
 * own code is Go), and the whole algorithm, with its audit paths, is the sixty lines below, checked against the RFC's
 * definitions in {@code MerkleTreeTest}. The 0x00/0x01 prefixes keep a leaf from being passed off as a node.
 */
public final class MerkleTree {

	private static final HexFormat HEX = HexFormat.of();

	private MerkleTree() {
	}

	public static byte[] leafHash(byte[] data) {
		MessageDigest d = sha256();
		d.update((byte) 0);
		d.update(data);
		return d.digest();
	}

	/** MTH(D[n]) of leaf hashes already computed with {@link #leafHash}. */
	public static byte[] root(List<byte[]> leafHashes) {
		if (leafHashes.isEmpty()) {
			return sha256().digest();
		}
		return mth(leafHashes, 0, leafHashes.size());
	}

	/** PATH(m, D[n]): the audit path of leaf {@code index}, from the leaf's sibling up to the root's child. */
	public static List<byte[]> path(List<byte[]> leafHashes, int index) {
		if (index < 0 || index >= leafHashes.size()) {
			throw new IllegalArgumentException("leaf " + index + " outside a tree of " + leafHashes.size());
		}
		List<byte[]> path = new ArrayList<>();
		path(leafHashes, index, 0, leafHashes.size(), path);
		return path;
	}

	/**
	 * Recomputes the root from a leaf hash, its index, the tree size and the audit path (the verification of RFC 9162,
	 * section 2.1.3.2), and compares it with the expected root.
	 */
	public static boolean verify(byte[] leafHash, long index, long treeSize, List<byte[]> path, byte[] expectedRoot) {
		if (index < 0 || index >= treeSize) {
			return false;
		}
		long fn = index;
		long sn = treeSize - 1;
		byte[] r = leafHash;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = node(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = node(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && MessageDigest.isEqual(r, expectedRoot);
	}

	public static String hex(byte[] hash) {
		return HEX.formatHex(hash);
	}

	public static byte[] unhex(String hex) {
		return HEX.parseHex(hex);
	}

	private static byte[] mth(List<byte[]> leaves, int from, int to) {
		int n = to - from;
		if (n == 1) {
			return leaves.get(from);
		}
		int k = split(n);
		return node(mth(leaves, from, from + k), mth(leaves, from + k, to));
	}

	private static void path(List<byte[]> leaves, int m, int from, int to, List<byte[]> out) {
		int n = to - from;
		if (n == 1) {
			return;
		}
		int k = split(n);
		if (m < k) {
			path(leaves, m, from, from + k, out);
			out.add(mth(leaves, from + k, to));
		}
		else {
			path(leaves, m - k, from + k, to, out);
			out.add(mth(leaves, from, from + k));
		}
	}

	/** The largest power of two smaller than n (n ≥ 2). */
	private static int split(int n) {
		return Integer.highestOneBit(n - 1);
	}

	private static byte[] node(byte[] left, byte[] right) {
		MessageDigest d = sha256();
		d.update((byte) 1);
		d.update(left);
		d.update(right);
		return d.digest();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
