package org.fundguard.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 6962's tree against the roots published with Certificate Transparency's reference implementation. */
class MerkleTreeTest {

	/** The eight leaves of the reference test vectors (certificate-transparency, merkle_tree_test). */
	static final String[] LEAVES = { "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f" };

	static final String[] ROOTS = { "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328" };

	@Test
	void theRootsOfTheReferenceVectors() {
		assertThat(MerkleTree.hex(MerkleTree.root(List.of())))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		for (int n = 1; n <= LEAVES.length; n++) {
			assertThat(MerkleTree.hex(MerkleTree.root(leaves(n)))).as("root of %d leaves", n).isEqualTo(ROOTS[n - 1]);
		}
	}

	@Test
	void everyLeafOfEveryTreeUpTo40ProvesItsInclusionAndNothingElseDoes() {
		for (int n = 1; n <= 40; n++) {
			List<byte[]> leaves = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				leaves.add(MerkleTree.leafHash(RootProof.leafData(i, i + 1, "%064x".formatted(i))));
			}
			byte[] root = MerkleTree.root(leaves);
			for (int i = 0; i < n; i++) {
				List<byte[]> path = MerkleTree.path(leaves, i);
				assertThat(MerkleTree.verify(leaves.get(i), i, n, path, root)).as("leaf %d of %d", i, n).isTrue();
				if (n > 1) {
					assertThat(MerkleTree.verify(leaves.get(i), (i + 1) % n, n, path, root)).as("wrong index").isFalse();
					assertThat(MerkleTree.verify(leaves.get((i + 1) % n), i, n, path, root)).as("other leaf").isFalse();
				}
			}
		}
	}

	@Test
	void aProofOfTheHeadBeforeARewriteDoesNotFitTheRewrittenHead() {
		RootProof proof = new RootProof(java.time.LocalDate.of(2026, 12, 6), 7, 3, "a".repeat(64), 0, 1, List.of(),
				MerkleTree.hex(MerkleTree.leafHash(RootProof.leafData(7, 3, "a".repeat(64)))));
		assertThat(proof.leadsTo(proof.rootHash())).isTrue();
		RootProof rewritten = new RootProof(proof.day(), 7, 3, "b".repeat(64), 0, 1, List.of(), proof.rootHash());
		assertThat(rewritten.leadsTo(proof.rootHash())).isFalse();
		assertThat(proof.leadsTo("not hex")).isFalse();
	}

	private static List<byte[]> leaves(int n) {
		List<byte[]> out = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			out.add(MerkleTree.leafHash(HexFormat.of().parseHex(LEAVES[i])));
		}
		return out;
	}
}
