package org.fundguard.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.fundguard.sealing.Sealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * A damaged document file (truncated, or altered on disk) opens under no master key: it must neither crash
 * {@code keys status|rotate|retire} nor hold the retiring of the old keys back for ever, while the intact files are
 * still counted and re-wrapped.
 */
class DocumentSealingTest {

	@TempDir
	Path dataDir;

	@Test
	void aDamagedFileNeitherStopsARotationNorHoldsARetireBack() throws Exception {
		Sealer sealer = Sealer.withKeyFile(dataDir.resolve("keys/master-keyset.json"));
		DocumentStore store = new DocumentStore(mock(JdbcClient.class), Clock.systemUTC(),
				new DocumentsProperties(DataSize.ofMegabytes(1), List.of(DocumentType.PDF)), dataDir, sealer);
		byte[] pdf = "%PDF-1.4 检查笔录".getBytes(StandardCharsets.UTF_8);
		String sha = Sha256.hex(pdf);
		Path intact = file(sha);
		Files.write(intact, sealer.seal(pdf, DocumentStore.context(sha)));
		Files.write(file("1".repeat(64)), new byte[] { 0, 0, 1 });
		byte[] altered = ByteBuffer.allocate(120).putInt(40).put((byte) 1).putInt(12345).array();
		Files.write(file("2".repeat(64)), altered);
		DocumentSealing sealing = new DocumentSealing(store, sealer);

		assertThat(sealing.wrappedByOtherKeys(sealer)).as("damaged files are under no key a retire could remove").isZero();
		assertThat(sealing.rewrap(sealer)).as("nothing to re-wrap, and no crash").isZero();
		assertThat(sealer.open(Files.readAllBytes(intact), DocumentStore.context(sha))).isEqualTo(pdf);
	}

	private Path file(String sha) throws Exception {
		Path f = dataDir.resolve("documents").resolve(sha.substring(0, 2)).resolve(sha);
		Files.createDirectories(f.getParent());
		return f;
	}
}
