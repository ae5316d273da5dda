package org.fundguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One error model: what a user should read is a {@code Refused} with a key of the message bundle. No other exception
 * the code throws carries Chinese text (an exception for a broken invariant is a server error and speaks English to
 * the log), and no controller has its own exception handler: the one advice in {@code errors.web} answers for all.
 */
class UserTextOnlyInRefusalsTest {

	/** {@code new SomethingException(...)} up to the end of its statement, Chinese inside. */
	private static final Pattern CHINESE_EXCEPTION = Pattern
		.compile("new\\s+([A-Z][A-Za-z.]*(?:Exception|Error))\\s*\\(([^;]*?\\p{IsHan}[^;]*?);", Pattern.DOTALL);

	@Test
	void noExceptionButARefusalCarriesTextForUsers() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : mainSources()) {
			String code = withoutComments(Files.readString(file));
			Matcher m = CHINESE_EXCEPTION.matcher(code);
			while (m.find()) {
				found.add(file + ": new " + m.group(1) + "(" + m.group(2).strip() + ")");
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void onlyTheOneAdviceHandlesExceptions() throws IOException {
		List<String> handlers = new ArrayList<>();
		for (Path file : mainSources()) {
			if (Files.readString(file).contains("@ExceptionHandler") && !file.toString().contains("/errors/web/")) {
				handlers.add(file.toString());
			}
		}
		assertThat(handlers).isEmpty();
	}

	private static List<Path> mainSources() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
		}
	}

	private static String withoutComments(String code) {
		return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
	}
}
