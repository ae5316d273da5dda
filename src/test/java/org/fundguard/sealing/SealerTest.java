package org.fundguard.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealerTest {

	@TempDir
	Path dir;

	@Test
	void sealedBytesHoldNoPlaintextAndOpenOnlyInTheirOwnRow() throws Exception {
		Sealer sealer = Sealer.withKeyFile(dir.resolve("keys/master-keyset.json"));
		byte[] sealed = sealer.sealText("张三 370302199001011234 13800138000", "report_identity:1");

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("370302199001011234", "13800138000");
		assertThat(sealer.openText(sealed, "report_identity:1")).isEqualTo("张三 370302199001011234 13800138000");
		assertThatThrownBy(() -> sealer.open(sealed, "report_identity:2")).isInstanceOf(Sealer.SealBroken.class);
		assertThat(sealer.seal(new byte[] { 1 }, "x")).as("a data key per record").isNotEqualTo(sealer.seal(new byte[] { 1 }, "x"));
		assertThat(Files.getPosixFilePermissions(dir.resolve("keys/master-keyset.json")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
	}

	@Test
	void nodesThatStartTogetherOnOneKeyFileShareOneKeyset() throws Exception {
		// issue 21: two nodes that found no keyset each made their own, and the later file replaced the earlier, so
		// what the first had sealed meanwhile never opened again; many rounds, since it is a race
		for (int round = 0; round < 30; round++) {
			Path file = dir.resolve("round-" + round).resolve("master-keyset.json");
			MasterKeys one = new MasterKeys(new SealingProperties(null, file), dir);
			MasterKeys two = new MasterKeys(new SealingProperties(null, file), dir);
			java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
			try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
				var first = pool.submit(() -> {
					together.await();
					return new Sealer(one).seal("举报".getBytes(StandardCharsets.UTF_8), "report:" + 1);
				});
				var second = pool.submit(() -> {
					together.await();
					return new Sealer(two).seal("举报".getBytes(StandardCharsets.UTF_8), "report:" + 2);
				});
				assertThat(new Sealer(two).openText(first.get(), "report:1")).as("round %d", round).isEqualTo("举报");
				assertThat(new Sealer(one).openText(second.get(), "report:2")).as("round %d", round).isEqualTo("举报");
			}
			try (var left = Files.list(file.getParent())) {
				assertThat(left).as("no temporary file left").containsExactly(file);
			}
		}
	}

	@Test
	void aRotationRewrapsTheDataKeysAndARunningSealerTakesUpTheNewKey() {
		Path file = dir.resolve("keys/master-keyset.json");
		MasterKeys keys = new MasterKeys(new SealingProperties(null, file), dir);
		Sealer sealer = new Sealer(keys);
		Sealer otherNode = Sealer.withKeyFile(file);
		byte[] before = sealer.seal("证据".getBytes(StandardCharsets.UTF_8), "document:a");
		int oldKey = Sealer.masterKeyIdOf(before);

		int newKey = keys.rotate();
		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(Sealer.masterKeyIdOf(otherNode.seal(new byte[] { 1 }, "x"))).as("the other node reads the changed file")
			.isEqualTo(newKey);
		assertThat(sealer.underPrimaryKey(before)).isFalse();
		assertThat(sealer.openText(before, "document:a")).as("the old key still opens").isEqualTo("证据");

		byte[] rewrapped = sealer.rewrap(before);
		assertThat(Sealer.masterKeyIdOf(rewrapped)).isEqualTo(newKey);
		assertThat(sealer.rewrap(rewrapped)).as("nothing left to do").isNull();
		assertThat(java.util.Arrays.copyOfRange(rewrapped, rewrapped.length - 30, rewrapped.length))
			.as("the content's ciphertext is copied, not re-encrypted")
			.isEqualTo(java.util.Arrays.copyOfRange(before, before.length - 30, before.length));

		assertThat(keys.retire()).isEqualTo(1);
		assertThat(sealer.openText(rewrapped, "document:a")).isEqualTo("证据");
		assertThatThrownBy(() -> otherNode.open(before, "document:a")).as("retired with the old key")
			.isInstanceOf(Sealer.SealBroken.class);
	}
}
