package org.fundguard.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.fundguard.sealing.Sealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged document content (truncated, or altered in the store) opens under no master key: it must neither crash
 * {@code keys status|rotate|retire} nor hold the retiring of the old keys back for ever, while the intact contents are
 * still counted and re-wrapped.
 */
class DocumentSealingTest {

	@TempDir
	Path dataDir;

	@Test
	void aDamagedContentNeitherStopsARotationNorHoldsARetireBack() {
		Sealer sealer = Sealer.withKeyFile(dataDir.resolve("keys/master-keyset.json"));
		MemoryContents contents = new MemoryContents();
		byte[] pdf = "%PDF-1.4 检查笔录".getBytes(StandardCharsets.UTF_8);
		String sha = Sha256.hex(pdf);
		contents.putIfAbsent(sha, sealer.seal(pdf, DocumentStore.context(sha)));
		contents.putIfAbsent("1".repeat(64), new byte[] { 0, 0, 1 });
		byte[] altered = ByteBuffer.allocate(120).putInt(40).put((byte) 1).putInt(12345).array();
		contents.putIfAbsent("2".repeat(64), altered);
		DocumentSealing sealing = new DocumentSealing(contents);

		assertThat(sealing.wrappedByOtherKeys(sealer)).as("damaged contents are under no key a retire could remove").isZero();
		assertThat(sealing.rewrap(sealer)).as("nothing to re-wrap, and no crash").isZero();
		assertThat(sealer.open(contents.get(sha).orElseThrow(), DocumentStore.context(sha))).isEqualTo(pdf);
	}
}
