package org.fundguard.inspections;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Directories, pools and seeds for the draw tests, all from fixed numbers so that every run is the same. */
final class DrawFixtures {

	static final String SEED = "7f3a9c0e5b2d4f6a8c1e3b5d7f9a0c2e4b6d8f1a3c5e7b9d0f2a4c6e8b1d3f5a";
	static final String[] TYPES = { "hospital", "clinic", "pharmacy" };
	static final String[] REGIONS = { "370302", "370303", "370304", "370305", "370306" };

	private DrawFixtures() {
	}

	static DrawParameters ratio(int basisPoints) {
		return new DrawParameters(null, basisPoints, DrawParameters.Stratification.NONE, false, 2, true);
	}

	static DrawParameters count(int n) {
		return new DrawParameters(n, null, DrawParameters.Stratification.NONE, false, 2, true);
	}

	static List<DirectoryEntry> directory(int size) {
		List<DirectoryEntry> entries = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			String type = TYPES[i % 3];
			String region = REGIONS[i % REGIONS.length];
			String code = (type.equals("pharmacy") ? "P" : "H") + region + "%05d".formatted(i + 1);
			entries.add(new DirectoryEntry(code, "机构" + (i + 1), type, type.equals("hospital") ? String.valueOf(i % 4) : "",
					region, 1));
		}
		return entries;
	}

	static List<PoolEntry> pool(int size) {
		List<PoolEntry> pool = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			pool.add(new PoolEntry("I%03d".formatted(i + 1), "稽核" + (i % 3) + "科", i % 2 == 0 ? "370300" : REGIONS[i % 5],
					List.of()));
		}
		return pool;
	}

	/** The n-th fixed seed: SHA-256 of "seed-n". */
	static String seed(int n) {
		return org.fundguard.documents.Sha256.hex(("seed-" + n).getBytes(StandardCharsets.UTF_8));
	}

	static String seed(Random random) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return java.util.HexFormat.of().formatHex(bytes);
	}
}
