package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FundMathTest {

	static final YearMonth M = YearMonth.of(2026, 3);

	@Test
	void growthIsMeasuredAgainstTheSameMonthAYearBefore() {
		Map<YearMonth, Double> e = Map.of(M, 121.0, M.minusMonths(12), 100.0, M.minusMonths(1), 1.0);
		assertThat(FundMath.growthPercent(e, M)).isEqualTo(21.0, within(1e-9));
	}

	@Test
	void withoutExpenditureAYearBeforeThereIsNoGrowth() {
		assertThat(FundMath.growthPercent(Map.of(M, 500.0), M)).isNull();
		assertThat(FundMath.growthPercent(Map.of(M, 500.0, M.minusMonths(12), 0.0), M)).isNull();
	}

	@Test
	void growthOfExactlyTheThresholdIsNotAboveIt() {
		assertThat(FundMath.growthPercent(Map.of(M, 120.0, M.minusMonths(12), 100.0), M)).isLessThanOrEqualTo(20.0 + 1e-9);
	}

	@Test
	void theReserveAverageNeedsAll12MonthsBefore() {
		Map<YearMonth, Double> e = new HashMap<>();
		for (int k = 1; k <= 12; k++) {
			e.put(M.minusMonths(k), 100.0 * k);
		}
		e.put(M, 1_000_000.0); // the month itself is not part of its average
		assertThat(FundMath.averageOfYearBefore(e, M)).isEqualTo(650.0, within(1e-9));
		e.remove(M.minusMonths(12));
		assertThat(FundMath.averageOfYearBefore(e, M)).isNull();
		e.put(M.minusMonths(12), 0.0);
		assertThat(FundMath.averageOfYearBefore(e, M)).isNull();
	}
}
