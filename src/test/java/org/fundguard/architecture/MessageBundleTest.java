package org.fundguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The one message bundle holds every text a refusal names, in Chinese and in English, and nothing else: a key the code
 * names but the bundle lacks would show the key to a user; a key only one language has would show the other.
 */
class MessageBundleTest {

	/** A key as the code names it: {@code Refused.because("cases.filing.choose")} and the other factories. */
	private static final Pattern KEY_IN_CODE = Pattern
		.compile("Refused\\s*\\.\\s*(?:because|notFound|forbidden|conflict|unavailable)\\(\\s*\"([a-z0-9.-]+)\"");

	@Test
	void everyKeyTheCodeNamesHasItsChineseAndItsEnglishText() throws IOException {
		Properties chinese = load("messages.properties");
		Properties english = load("messages_en.properties");

		Set<String> named = keysNamedInCode();

		assertThat(named).isNotEmpty();
		assertThat(chinese.stringPropertyNames()).containsAll(named);
		assertThat(english.stringPropertyNames()).containsAll(named);
	}

	@Test
	void bothLanguagesHaveTheSameKeysAndTheChineseIsChinese() throws IOException {
		Properties chinese = load("messages.properties");
		Properties english = load("messages_en.properties");

		assertThat(new TreeSet<>(english.stringPropertyNames())).isEqualTo(new TreeSet<>(chinese.stringPropertyNames()));
		for (String key : chinese.stringPropertyNames()) {
			assertThat(chinese.getProperty(key)).as(key).containsPattern("\\p{IsHan}");
		}
	}

	private static Set<String> keysNamedInCode() throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = KEY_IN_CODE.matcher(Files.readString(file));
				while (m.find()) {
					keys.add(m.group(1));
				}
			}
		}
		return keys;
	}

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}
}
