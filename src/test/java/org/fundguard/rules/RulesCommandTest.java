package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.fundguard.claims.ExportLoads;
import org.fundguard.claims.UnfinishedLoad;

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

		int exit = new RulesCommand(engine, noUnfinishedLoads(), Clock.systemUTC()).run(
				new String[] { "run", "--from", "2026-03-01", "--to", "2026-01-01" }, new PrintStream(bytes, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(2);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("监测期间的起日不能晚于止日", "from <= to", "usage: fundguard rules run");
		verifyNoInteractions(engine);
	}

	@Test
	void anExportWhoseLastLoadWasInterruptedHoldsTheRulesBackAndSaysWhyInChinese() {
		RuleEngine engine = mock(RuleEngine.class);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		int exit = new RulesCommand(engine, halfLoaded("INTERRUPTED"), Clock.systemUTC())
			.run(new String[] { "run", "--from", "2026-01-01", "--to", "2026-03-31" }, new PrintStream(bytes, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(RulesCommand.REFUSED_HALF_LOADED);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("拒绝运行规则", "虚假疑点", "/data/export-2026-03",
				"load-1", "2026-03-05 17:30", "已中断", "--force", "refused");
		verifyNoInteractions(engine);
	}

	@Test
	void aFailedLastLoadHoldsThemBackToo() {
		RuleEngine engine = mock(RuleEngine.class);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		int exit = new RulesCommand(engine, halfLoaded("FAILED"), Clock.systemUTC())
			.run(new String[] { "run" }, new PrintStream(bytes, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(RulesCommand.REFUSED_HALF_LOADED);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("拒绝运行规则", "失败");
		verifyNoInteractions(engine);
	}

	@Test
	void theRefusalNamesTheHalfLoadedExportsPeriod() {
		RuleEngine engine = mock(RuleEngine.class);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		int exit = new RulesCommand(engine, halfLoadedOver(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 3, 31)), Clock.systemUTC())
			.run(new String[] { "run", "--from", "2026-01-01", "--to", "2026-03-31" }, new PrintStream(bytes, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(RulesCommand.REFUSED_HALF_LOADED);
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("导出期间 2025-12-01 至 2026-03-31", "period 2025-12-01 to 2026-03-31");
		verifyNoInteractions(engine);
	}

	@Test
	void anExportOfAnotherPeriodDoesNotHoldBackTheRunButOneWithinTheYearBeforeItsWindowDoes() {
		RuleEngine engine = mock(RuleEngine.class);
		when(engine.run(any())).thenReturn(new RunRecord("run-1", "cli", "CLI", null, null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 3, 31), "COMPLETED", "ok", null, null, 0, 0, 0, List.of()));
		String[] window = { "run", "--from", "2026-01-01", "--to", "2026-03-31" };

		int later = new RulesCommand(engine, halfLoadedOver(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)), Clock.systemUTC())
			.run(window, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		int longBefore = new RulesCommand(engine, halfLoadedOver(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 11, 30)),
				Clock.systemUTC()).run(window, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		// the fund rules compare each month with the one a year before: that year's export still counts
		int yearBefore = new RulesCommand(engine, halfLoadedOver(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)),
				Clock.systemUTC()).run(window, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

		assertThat(later).isZero();
		assertThat(longBefore).isZero();
		assertThat(yearBefore).isEqualTo(RulesCommand.REFUSED_HALF_LOADED);
		verify(engine, org.mockito.Mockito.times(2)).run(any());
	}

	private static ExportLoads halfLoadedOver(LocalDate from, LocalDate to) {
		ExportLoads loads = mock(ExportLoads.class);
		when(loads.unfinished()).thenReturn(List.of(new UnfinishedLoad("load-1", "/data/export", "FAILED",
				OffsetDateTime.of(2026, 3, 5, 9, 30, 0, 0, ZoneOffset.UTC), from, to)));
		return loads;
	}

	@Test
	void forceRunsThemAnywayWithAWarning() {
		RuleEngine engine = mock(RuleEngine.class);
		when(engine.run(any())).thenReturn(new RunRecord("run-1", "cli", "CLI", null, null, LocalDate.of(2026, 1, 1),
				LocalDate.of(2026, 3, 31), "COMPLETED", "ok", null, null, 0, 0, 0, List.of()));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		int exit = new RulesCommand(engine, halfLoaded("INTERRUPTED"), Clock.systemUTC()).run(
				new String[] { "run", "--force", "--from", "2026-01-01", "--to", "2026-03-31" },
				new PrintStream(bytes, true, StandardCharsets.UTF_8));

		assertThat(exit).isZero();
		assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("警告", "--force", "虚假疑点");
		verify(engine).run(new RunRequest(List.of(), new Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
				List.of(), System.getProperty("user.name", "cli"), "CLI"));
	}

	private static ExportLoads halfLoaded(String status) {
		ExportLoads loads = mock(ExportLoads.class);
		when(loads.unfinished()).thenReturn(List.of(new UnfinishedLoad("load-1", "/data/export-2026-03", status,
				OffsetDateTime.of(2026, 3, 5, 9, 30, 0, 0, ZoneOffset.UTC))));
		return loads;
	}

	private static ExportLoads noUnfinishedLoads() {
		ExportLoads loads = mock(ExportLoads.class);
		when(loads.unfinished()).thenReturn(List.of());
		return loads;
	}
}
