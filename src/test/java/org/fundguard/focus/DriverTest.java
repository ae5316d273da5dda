package org.fundguard.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The analysis's arithmetic: who drives a fund's growth, their shares, the charts' series and the fund's totals. */
class DriverTest {

	static final YearMonth JAN = YearMonth.of(2034, 1);
	static final YearMonth FEB = YearMonth.of(2034, 2);
	static final List<YearMonth> WINDOW = List.of(JAN, FEB);

	@Test
	void theLargestIncreaseOverTheSameMonthsAYearBeforeComesFirstWithItsShareOfTheGrowth() {
		Map<String, Map<YearMonth, Double>> spent = Map.of(
				"H1", Map.of(JAN.minusMonths(12), 100.0, FEB.minusMonths(12), 100.0, JAN, 400.0, FEB, 300.0),
				"H2", Map.of(JAN.minusMonths(12), 200.0, JAN, 250.0),
				"H3", Map.of(FEB.minusMonths(12), 80.0, FEB, 30.0));

		List<Driver> ranked = Driver.rank(spent, Map.of("H1", "一院"), WINDOW);

		assertThat(ranked).extracting(Driver::key).containsExactly("H1", "H2", "H3");
		Driver first = ranked.getFirst();
		assertThat(first.name()).isEqualTo("一院");
		assertThat(ranked.get(1).name()).as("a code without a catalogue name keeps its code").isEqualTo("H2");
		assertThat(first.current()).isEqualTo(700.0);
		assertThat(first.previous()).isEqualTo(200.0);
		assertThat(first.increase()).isEqualTo(500.0);
		assertThat(first.growthPercent()).isEqualTo(250.0);
		// the fund grew by 500 + 50 − 50 = 500: H1 is all of it, H3's fall offsets H2's rise
		assertThat(first.share()).isCloseTo(1.0, within(1e-9));
		assertThat(ranked.get(1).share()).isCloseTo(0.1, within(1e-9));
		assertThat(ranked.get(2).share()).isCloseTo(-0.1, within(1e-9));
		// a month outside the window does not count, even when it is in the data
		assertThat(Driver.rank(Map.of("H1", Map.of(YearMonth.of(2034, 3), 999.0)), Map.of(), WINDOW).getFirst().current())
			.isZero();
	}

	@Test
	void aFundThatDidNotGrowHasNoShares() {
		List<Driver> ranked = Driver.rank(Map.of("H1", Map.of(JAN.minusMonths(12), 100.0, JAN, 90.0)), Map.of(), WINDOW);

		assertThat(ranked.getFirst().share()).isNull();
		assertThat(ranked.getFirst().growthPercent()).isCloseTo(-10.0, within(1e-9));
		assertThat(Driver.rank(Map.of("H9", Map.of(JAN, 5.0)), Map.of(), WINDOW).getFirst().growthPercent())
			.as("nothing spent a year before: no percentage").isNull();
	}

	@Test
	void theChartShowsTheFirstDriversAndSumsTheRestAsOthersSoThatTheBarsAddUpToTheFund() {
		List<YearMonth> months = FundAnalysis.between(JAN.minusMonths(12), FEB);
		List<Driver> ranked = Driver.rank(Map.of("A", Map.of(JAN, 10.0), "B", Map.of(JAN, 5.0, FEB, 1.0), "C", Map.of(FEB, 2.5)),
				Map.of(), WINDOW);

		Map<String, List<Double>> series = FundAnalysis.series(ranked, months, 1);

		assertThat(months).hasSize(14).startsWith(YearMonth.of(2033, 1)).endsWith(FEB);
		assertThat(series.keySet()).containsExactly("A", "其他");
		assertThat(series.get("其他").get(13)).isEqualTo(3.5);
		assertThat(series.get("其他").get(12)).isEqualTo(5.0);
		assertThat(series.get("A").getFirst()).isZero();
	}

	@Test
	void theFundsGrowthComparesTheWindowWithTheSameMonthsAYearBefore() {
		FundAnalysis a = new FundAnalysis(FundAnalysis.between(JAN.minusMonths(12), FEB), WINDOW,
				Map.of(JAN.minusMonths(12), 1000.0, FEB.minusMonths(12), 1000.0, JAN, 1500.0, FEB, 1300.10), List.of(),
				List.of(), Map.of());

		assertThat(a.current()).isEqualTo(2800.10);
		assertThat(a.previous()).isEqualTo(2000.0);
		assertThat(a.growthPercent()).isCloseTo(40.005, within(1e-9));
	}

	@Test
	void aCitysPoolingRegionCoversItsDistrictsInThePlan() {
		assertThat(FocusedInspections.regionPrefix("370300")).isEqualTo("3703");
		assertThat(FocusedInspections.regionPrefix("370000")).isEqualTo("37");
		assertThat(FocusedInspections.regionPrefix("370303")).isEqualTo("370303");
	}
}
