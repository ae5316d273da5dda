package org.fundguard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The dashboard's fund figures: growth, reserve cover and the two bottom lines, as the fund rules count them. */
class FundPositionTest {

	static final YearMonth JUNE = YearMonth.of(2033, 6);

	/** 100 a month from 2032-06 to 2033-05, 150 in 2033-06. */
	static Map<YearMonth, Double> spending() {
		Map<YearMonth, Double> e = new HashMap<>();
		for (YearMonth m = YearMonth.of(2032, 6); m.isBefore(JUNE); m = m.plusMonths(1)) {
			e.put(m, 100.0);
		}
		e.put(JUNE, 150.0);
		return e;
	}

	static Map<YearMonth, Double> income(double perMonth) {
		Map<YearMonth, Double> in = new HashMap<>();
		for (int m = 1; m <= 6; m++) {
			in.put(YearMonth.of(2033, m), perMonth);
		}
		return in;
	}

	@Test
	void growthIsOverTheSameMonthAYearBefore() {
		FundPosition p = FundPosition.of("370300", "310", JUNE, spending(), income(120), Map.of(JUNE, 700.0), 6);
		assertThat(p.expenditure()).isEqualTo(150.0);
		assertThat(p.growthPercent()).isEqualTo(50.0);
	}

	@Test
	void withoutTheSameMonthAYearBeforeThereIsNoGrowth() {
		Map<YearMonth, Double> e = spending();
		e.remove(JUNE.minusMonths(12));
		assertThat(FundPosition.of("370300", "310", JUNE, e, income(120), Map.of(), 6).growthPercent()).isNull();
	}

	@Test
	void reserveMonthsAreTheOpeningBalanceOverTheAverageOfTheTwelveMonthsBefore() {
		FundPosition met = FundPosition.of("370300", "310", JUNE, spending(), income(120), Map.of(JUNE, 600.0), 6);
		assertThat(met.reserveMonths()).isEqualTo(6.0);
		assertThat(met.reserveMet()).isTrue();
		FundPosition below = FundPosition.of("370300", "310", JUNE, spending(), income(120), Map.of(JUNE, 599.0), 6);
		assertThat(below.reserveMonths()).isEqualTo(5.99);
		assertThat(below.reserveMet()).isFalse();
	}

	@Test
	void aMonthWithoutSpendingInTheYearBeforeLeavesTheCoverUnknown() {
		Map<YearMonth, Double> e = spending();
		e.remove(YearMonth.of(2033, 1));
		FundPosition p = FundPosition.of("370300", "310", JUNE, e, income(120), Map.of(JUNE, 600.0), 6);
		assertThat(p.reserveMonths()).isNull();
		assertThat(p.reserveMet()).isNull();
	}

	@Test
	void theYearToDateIsBalancedWhenIncomeCoversSpendingToTheCent() {
		// January to June spent 5 × 100 + 150 = 650
		FundPosition even = FundPosition.of("370300", "310", JUNE, spending(), income(650 / 6.0), Map.of(), 6);
		assertThat(even.yearExpenditure()).isEqualTo(650.0);
		FundPosition deficit = FundPosition.of("370300", "310", JUNE, spending(), income(108), Map.of(), 6);
		assertThat(deficit.yearIncome()).isEqualTo(648.0);
		assertThat(deficit.balanced()).isFalse();
		FundPosition surplus = FundPosition.of("370300", "310", JUNE, spending(), income(109), Map.of(), 6);
		assertThat(surplus.balanced()).isTrue();
	}

	@Test
	void aMissingIncomeMonthLeavesTheBalanceUnknown() {
		Map<YearMonth, Double> in = income(500);
		in.remove(YearMonth.of(2033, 3));
		assertThat(FundPosition.of("370300", "310", JUNE, spending(), in, Map.of(), 6).balanced()).isNull();
	}

	@Test
	void theYearStartsInJanuary() {
		// in January only January counts: the December before belongs to the year before
		YearMonth jan = YearMonth.of(2033, 1);
		FundPosition p = FundPosition.of("370300", "390", jan, spending(), Map.of(jan, 100.0), Map.of(), 6);
		assertThat(p.yearExpenditure()).isEqualTo(100.0);
		assertThat(p.balanced()).isTrue();
		assertThat(p.schemeLabel()).isEqualTo("城乡居民基本医疗保险");
	}
}
