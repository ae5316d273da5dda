package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

	@Test
	void parsesRulesWindowAndRegions() {
		RunRequest r = RulesCommand.parse(new String[] { "run", "--rule", "readmission", "--from", "2026-01-01", "--to",
				"2026-03-31", "--region", "3703" }, LocalDate.of(2026, 11, 23));
		assertThat(r.rules()).containsExactly("readmission");
		assertThat(r.window()).isEqualTo(new Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
		assertThat(r.regions()).containsExactly("3703");
	}

	@Test
	void withoutAWindowTheLastTwelveWholeMonthsAndThisOne() {
		RunRequest r = RulesCommand.parse(new String[] { "run" }, LocalDate.of(2026, 11, 23));
		assertThat(r.rules()).isEmpty();
		assertThat(r.window()).isEqualTo(new Window(LocalDate.of(2025, 11, 1), LocalDate.of(2026, 11, 23)));
	}

	@Test
	void badArgumentsAreRejected() {
		assertThatThrownBy(() -> RulesCommand.parse(new String[] { "go" }, LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RulesCommand.parse(new String[] { "run", "--from", "2026-03-01", "--to", "2026-01-01" }, LocalDate.now()))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.english()).contains("from <= to"));
	}

	@Test
	void aRefusedWindowIsPrintedInBothLanguagesWithTheUsageAndRunsNothing() {
		RuleEngine engine = mock(RuleEngine.class);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		int exit = new RulesCommand(engine, Clock.systemUTC()).run(
				new String[] { "run", "--from", "2026-03-01", "--to", "2026-01-01" }, new PrintStream(bytes, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(2);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("监测期间的起日不能晚于止日", "from <= to", "usage: fundguard rules run");
		verifyNoInteractions(engine);
	}
}
