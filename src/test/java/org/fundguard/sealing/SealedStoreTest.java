package org.fundguard.sealing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one re-wrap loop every store shares, over a store kept in a map. */
class SealedStoreTest {

	@TempDir
	Path dir;

	@Test
	void aRotationRewrapsEveryEnvelopeOnceAndPassesOverDamagedAndVanishedOnes() {
		Path file = dir.resolve("keys/master-keyset.json");
		MasterKeys keys = new MasterKeys(new SealingProperties(null, file), dir);
		Sealer sealer = new Sealer(keys);
		MapStore store = new MapStore();
		for (int i = 0; i < 5; i++) {
			store.rows.put("row-" + i, sealer.seal(("证据 " + i).getBytes(StandardCharsets.UTF_8), "row-" + i));
		}
		store.rows.put("damaged", new byte[] { 0, 0, 0, 5, 1, 2, 3, 4, 5, 6, 7 });
		store.vanished.add("gone"); // listed, then deleted before its turn came
		store.rows.put("deleted-at-write", sealer.seal(new byte[] { 9 }, "deleted-at-write"));
		store.deletedBeforeWrite.add("deleted-at-write"); // read, then deleted (say, by retention) before it is written back

		keys.rotate();
		assertThat(store.wrappedByOtherKeys(sealer)).as("six under the old key; the damaged one under none").isEqualTo(6);
		assertThat(store.rewrap(sealer)).as("what was deleted meanwhile is not counted").isEqualTo(5);
		assertThat(store.writes).as("each written back once").hasSize(5).doesNotHaveDuplicates();
		assertThat(store.wrappedByOtherKeys(sealer)).isZero();
		assertThat(store.rewrap(sealer)).as("nothing left to do").isZero();
		for (int i = 0; i < 5; i++) {
			assertThat(sealer.openText(store.rows.get("row-" + i), "row-" + i)).isEqualTo("证据 " + i);
		}
	}

	private static final class MapStore implements SealedStore<String> {

		final Map<String, byte[]> rows = new LinkedHashMap<>();
		final List<String> vanished = new ArrayList<>();
		final List<String> writes = new ArrayList<>();
		final List<String> deletedBeforeWrite = new ArrayList<>();

		@Override
		public String label() {
			return "测试 / test";
		}

		@Override
		public List<String> envelopes() {
			List<String> all = new ArrayList<>(rows.keySet());
			all.addAll(vanished);
			return all;
		}

		@Override
		public byte[] read(String envelope) {
			return rows.get(envelope);
		}

		@Override
		public int write(String envelope, byte[] rewrapped) {
			if (deletedBeforeWrite.contains(envelope)) {
				rows.remove(envelope);
				return 0;
			}
			rows.put(envelope, rewrapped);
			writes.add(envelope);
			return 1;
		}
	}
}
