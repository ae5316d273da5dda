package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptCodesTest {

	private final ReceiptCodes codes = new ReceiptCodes("k".repeat(32).getBytes(), 20);

	@Test
	void aCodeIsTwentyCrockfordCharactersInGroupsOfFourCarryingHundredBits() {
		String code = codes.generate();

		assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
		assertThat(code.replace("-", "")).hasSize(20);
		assertThat(codes.bits()).isGreaterThanOrEqualTo(80).isEqualTo(100);
	}

	@Test
	void codesAreUniformOverTheAlphabetAndDoNotRepeat() {
		Map<Character, Integer> counts = new HashMap<>();
		Set<String> seen = new HashSet<>();
		int n = 20_000;
		for (int i = 0; i < n; i++) {
			String code = codes.generate();
			assertThat(seen.add(code)).isTrue();
			code.replace("-", "").chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
		}
		assertThat(counts).hasSize(32);
		double expected = n * 20 / 32.0;
		// chi-square with 31 degrees of freedom: above 61.1 happens by chance once in a thousand runs
		double chiSquare = counts.values().stream().mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
		assertThat(chiSquare).isLessThan(61.1);
	}

	@Test
	void everyPositionOfACodeTakesEveryCharacter() {
		// the random bytes are cut into 5-bit characters: a position fed from a wrong or fixed bit would show here
		Map<Integer, Set<Character>> seen = new HashMap<>();
		for (int i = 0; i < 5_000; i++) {
			String code = codes.generate().replace("-", "");
			for (int p = 0; p < code.length(); p++) {
				seen.computeIfAbsent(p, k -> new HashSet<>()).add(code.charAt(p));
			}
		}
		assertThat(seen).hasSize(20);
		seen.forEach((position, chars) -> assertThat(chars).as("position %d", position).hasSize(32));
	}

	@Test
	void aCodeIsReadTheWayPeopleTypeIt() {
		String code = codes.generate();
		String typed = " " + code.toLowerCase().replace("-", " ").replace('0', 'o').replace('1', 'l') + " ";

		assertThat(codes.normalize(typed)).contains(code.replace("-", ""));
		assertThat(codes.hash(typed)).isEqualTo(codes.hash(code));
		assertThat(codes.normalize(code.substring(1))).isEmpty();
		assertThat(codes.normalize(code + "A")).isEmpty();
		assertThat(codes.normalize("UUUU-UUUU-UUUU-UUUU-UUUU")).as("U is not in the alphabet").isEmpty();
	}

	@Test
	void theStoredHashIsAKeyedHmacThatRevealsNothingOfTheCode() {
		String code = codes.generate();
		String hash = codes.hash(code);

		assertThat(hash).matches("[0-9a-f]{64}").doesNotContain(code.replace("-", "").toLowerCase());
		assertThat(new ReceiptCodes("x".repeat(32).getBytes(), 20).hash(code))
			.as("another installation's key gives another value").isNotEqualTo(hash);
		assertThat(codes.hash(codes.generate())).isNotEqualTo(hash);
	}

	@Test
	void codesShorterThanSixteenOrKeysShorterThan32BytesAreRefused() {
		assertThatThrownBy(() -> new ReceiptCodes("k".repeat(32).getBytes(), 15)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ReceiptCodes("short".getBytes(), 20)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void withoutAConfiguredKeyOneIsMadeOnceAndKeptOwnerOnly(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("reports/receipt-hmac.key");

		byte[] first = ReceiptKey.key("", file);
		byte[] again = ReceiptKey.key("", file);

		assertThat(first).hasSize(32).isEqualTo(again);
		assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
		assertThat(ReceiptKey.key("c".repeat(40), file)).isEqualTo("c".repeat(40).getBytes());
	}
}
