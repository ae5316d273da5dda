package org.fundguard.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fundguard.sealing.Sealer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node's document folder from before issue 21 moves into the shared store: plaintext files sealed, sealed ones as
 * they are, nothing twice when the move runs again, and a file that is not what its name says stays where it is.
 */
class FolderImportTest {

	@TempDir
	Path dataDir;

	@Test
	void plaintextAndSealedFilesMoveOnceAndADamagedFileStays() throws Exception {
		Sealer sealer = Sealer.withKeyFile(dataDir.resolve("keys/master-keyset.json"));
		MemoryContents contents = new MemoryContents();
		byte[] plain = "%PDF-1.4 早先的明文笔录".getBytes(StandardCharsets.UTF_8);
		byte[] other = "%PDF-1.4 早先已封存的决定书".getBytes(StandardCharsets.UTF_8);
		byte[] sealedOther = sealer.seal(other, DocumentStore.context(Sha256.hex(other)));
		write(Sha256.hex(plain), plain);
		write(Sha256.hex(other), sealedOther);
		Path damaged = write("3".repeat(64), new byte[] { 1, 2, 3 });
		FolderImport move = new FolderImport(contents, sealer, dataDir);

		assertThat(move.moveAll()).isEqualTo(2);

		byte[] kept = contents.get(Sha256.hex(plain)).orElseThrow();
		assertThat(new String(kept, StandardCharsets.ISO_8859_1)).as("sealed on the way").doesNotContain("%PDF");
		assertThat(sealer.open(kept, DocumentStore.context(Sha256.hex(plain)))).isEqualTo(plain);
		assertThat(contents.get(Sha256.hex(other))).contains(sealedOther);
		assertThat(contents.contains("3".repeat(64))).isFalse();
		assertThat(damaged).exists();
		assertThat(dataDir.resolve("documents").resolve(Sha256.hex(plain).substring(0, 2))).doesNotExist();

		write(Sha256.hex(plain), plain);
		assertThat(move.moveAll()).as("a file whose content is kept already is only removed").isEqualTo(1);
		assertThat(contents.rows).hasSize(2);
		assertThat(contents.get(Sha256.hex(plain))).contains(kept);
	}

	private Path write(String sha, byte[] bytes) throws Exception {
		Path f = dataDir.resolve("documents").resolve(sha.substring(0, 2)).resolve(sha);
		Files.createDirectories(f.getParent());
		return Files.write(f, bytes);
	}
}
