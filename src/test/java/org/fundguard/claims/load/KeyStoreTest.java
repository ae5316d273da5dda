package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {

	@TempDir
	Path dir;

	@Test
	void remembersWhatALoadNeedsAndIsGoneWhenClosed() throws Exception {
		Path folder = Files.createDirectories(dir.resolve("load-1")).resolve("keys.mv");
		try (KeyStore keys = new KeyStore(folder, 8)) {
			keys.addPerson("p1", bytes("hash|1||x"));
			keys.addSettlement("s2", bytes("two"));
			keys.addSettlement("s1", bytes("one"));
			keys.saveTotals("s1", bytes("t1"));
			keys.saveTotals("s1", bytes("t1b"));

			assertThat(keys.person("p1")).isEqualTo(bytes("hash|1||x"));
			assertThat(keys.person("p2")).isNull();
			assertThat(keys.totals("s1")).isEqualTo(bytes("t1b"));
			assertThat(keys.totals("s2")).isNull();
			// the same id in two kinds of record is two records
			assertThat(keys.settlement("p1")).isNull();
			assertThat(Files.isRegularFile(folder)).isTrue();
		}
		assertThat(folder).doesNotExist();
	}

	@Test
	void aKeyIsSeenOnceperFile() throws Exception {
		try (KeyStore keys = new KeyStore(dir.resolve("keys.mv"), 8)) {
			assertThat(keys.firstTimeSeen(ExportFile.PERSONS, "p1|")).isTrue();
			assertThat(keys.firstTimeSeen(ExportFile.PERSONS, "p1|")).isFalse();
			assertThat(keys.firstTimeSeen(ExportFile.SETTLEMENTS, "p1|")).isTrue();
		}
	}

	@Test
	void settlementsComeBackInIdOrderAndOnlySettlements() throws Exception {
		try (KeyStore keys = new KeyStore(dir.resolve("keys.mv"), 8)) {
			keys.addPerson("a", bytes("person"));
			keys.saveTotals("z", bytes("totals"));
			for (int i = 0; i < 50_000; i++) {
				keys.addSettlement("S%06d".formatted(49_999 - i), bytes("结算" + i));
			}
			List<String> ids = new ArrayList<>();
			var all = keys.settlements();
			while (all.hasNext()) {
				Map.Entry<String, byte[]> e = all.next();
				ids.add(e.getKey());
			}
			assertThat(ids).hasSize(50_000).isSorted();
			assertThat(ids.getFirst()).isEqualTo("S000000");
			assertThat(keys.settlement("S000000")).isEqualTo(bytes("结算49999"));
		}
	}

	@Test
	void aStoreLeftByAKilledLoadIsReplaced() throws Exception {
		Path file = dir.resolve("keys.mv");
		try (KeyStore keys = new KeyStore(file, 8)) {
			keys.addPerson("p1", bytes("from the killed load"));
		}
		Files.writeString(file, "garbage of a killed process");
		try (KeyStore keys = new KeyStore(file, 8)) {
			assertThat(keys.person("p1")).isNull();
			keys.addPerson("p1", bytes("x"));
			assertThat(keys.person("p1")).isEqualTo(bytes("x"));
		}
	}

	@Test
	void aScanLeftOpenDoesNotStopTheStoreClosing() throws Exception {
		Path folder = dir.resolve("keys.mv");
		try (KeyStore keys = new KeyStore(folder, 8)) {
			keys.addSettlement("s1", bytes("one"));
			keys.addSettlement("s2", bytes("two"));
			keys.settlements().next();
		}
		assertThat(folder).doesNotExist();
	}

	private static byte[] bytes(String s) {
		return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}
}
