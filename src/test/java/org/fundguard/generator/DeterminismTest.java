package org.fundguard.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The same options give a byte-identical export; another seed gives another one. */
class DeterminismTest {

	private static final String[] SMALL = { "--persons", "800", "--months", "13", "--bad-rows", "0.002" };

	@Test
	void theSameSeedGivesByteIdenticalFiles() throws Exception {
		Map<String, String> first = hashes(TestExports.generate("seed5a", with(SMALL, "5")));
		Map<String, String> second = hashes(TestExports.generate("seed5b", with(SMALL, "5")));

		assertThat(first).containsOnlyKeys("providers.csv", "persons.csv", "items.csv", "settlements.csv",
				"fee_items.csv", "inspectors.csv", "fund_ledger.csv", "ground_truth.csv", "manifest.json",
				"expected_rejects.csv");
		assertThat(second).isEqualTo(first);
	}

	@Test
	void anotherSeedGivesAnotherExport() throws Exception {
		Map<String, String> five = hashes(TestExports.generate("seed5a", with(SMALL, "5")));
		Map<String, String> six = hashes(TestExports.generate("seed6", with(SMALL, "6")));

		for (String file : new String[] { "providers.csv", "persons.csv", "settlements.csv", "fee_items.csv",
				"inspectors.csv", "ground_truth.csv" }) {
			assertThat(six.get(file)).as(file).isNotEqualTo(five.get(file));
		}
		assertThat(six.get("items.csv")).as("the catalogue is fixed").isEqualTo(five.get("items.csv"));
	}

	private static String[] with(String[] options, String seed) {
		String[] all = new String[options.length + 2];
		System.arraycopy(options, 0, all, 0, options.length);
		all[options.length] = "--seed";
		all[options.length + 1] = seed;
		return all;
	}

	static Map<String, String> hashes(Path dir) throws IOException, NoSuchAlgorithmException {
		Map<String, String> m = new TreeMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.toList()) {
				MessageDigest sha = MessageDigest.getInstance("SHA-256");
				m.put(f.getFileName().toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
			}
		}
		return m;
	}
}
