package org.fundguard.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Nothing in the application may change or delete an enforcement-record entry: no statement in the main sources
 * updates or deletes {@code enforcement_record}, and only {@link EnforcementRecord} moves the chain's head.
 */
class RecordIsAppendOnlyTest {

	private static final Pattern CHANGES_ENTRIES = Pattern
		.compile("(?is)(update\\s+enforcement_record\\b(?!_head)|delete\\s+from\\s+enforcement_record|truncate\\s+(table\\s+)?enforcement_record)");
	private static final Pattern TOUCHES_HEAD = Pattern.compile("(?is)(update|delete\\s+from|insert\\s+into)\\s+enforcement_record_head");

	@Test
	void noMainSourceChangesOrDeletesAnEntry() throws IOException {
		assertThat(offenders(CHANGES_ENTRIES)).isEmpty();
	}

	@Test
	void onlyTheRecordItselfMovesTheHead() throws IOException {
		assertThat(offenders(TOUCHES_HEAD)).containsExactly(Path.of("src/main/java/org/fundguard/record/EnforcementRecord.java"));
	}

	@Test
	void thePatternsRecogniseTheStatementsTheyGuardAgainst() {
		assertThat(CHANGES_ENTRIES.matcher("jdbc.sql(\"update enforcement_record set detail = ?\")").find()).isTrue();
		assertThat(CHANGES_ENTRIES.matcher("DELETE FROM enforcement_record WHERE case_id = 1").find()).isTrue();
		assertThat(CHANGES_ENTRIES.matcher("update enforcement_record_head set length = ?").find()).isFalse();
		assertThat(CHANGES_ENTRIES.matcher("insert into enforcement_record (case_id) values (?)").find()).isFalse();
	}

	private static List<Path> offenders(Pattern pattern) throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			return files.filter(Files::isRegularFile)
				.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql") || p.toString().endsWith(".xml"))
				.filter(p -> !p.toString().contains("db/migration"))
				.filter(p -> {
					try {
						return pattern.matcher(Files.readString(p)).find();
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				})
				.toList();
		}
	}
}
