package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The chart's month axis is time: a month without signals is a column of its own, not left out. */
class SignalChartMonthsTest {

	@Test
	void aMonthWithoutSignalsBetweenTwoWithSignalsIsShown() {
		// the demo data ends in October; the peer rules judge the whole window and date their signals in its last month
		Map<String, Map<String, Long>> chart = Map.of("price-ceiling", Map.of("2026-09", 4L, "2026-10", 7L),
				"peer-cost-per-visit", Map.of("2026-12", 2L));

		assertThat(SignalSearch.months(chart)).containsExactly("2026-09", "2026-10", "2026-11", "2026-12");
	}

	@Test
	void theAxisCrossesTheYearAndKeepsUndatedSignalsLast() {
		Map<String, Map<String, Long>> chart = Map.of("a", Map.of("2025-11", 1L, "—", 3L), "b", Map.of("2026-02", 1L));

		assertThat(SignalSearch.months(chart)).containsExactly("2025-11", "2025-12", "2026-01", "2026-02", "—");
	}

	@Test
	void noSignalsNoMonths() {
		assertThat(SignalSearch.months(Map.of())).isEmpty();
		assertThat(SignalSearch.months(Map.of("a", Map.of("—", 1L)))).containsExactly("—");
	}
}
