package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** 加处罚款: 3% of the fine per day late, never more than the fine. */
class LatePaymentTest {

	private static final PenaltiesProperties.LatePayment RULE = ConfiguredDefaults.penalties().latePayment();
	private static final LocalDate DUE = LocalDate.of(2026, 12, 10);

	@Test
	void payingOnOrBeforeTheDueDateAddsNothing() {
		assertThat(LatePayment.surcharge(new BigDecimal("10000"), DUE, DUE, RULE)).isEqualByComparingTo("0");
		assertThat(LatePayment.surcharge(new BigDecimal("10000"), DUE, DUE.minusDays(3), RULE)).isEqualByComparingTo("0");
	}

	@Test
	void eachDayLateAddsThreePercentOfTheFine() {
		assertThat(LatePayment.surcharge(new BigDecimal("10000"), DUE, DUE.plusDays(1), RULE)).isEqualByComparingTo("300.00");
		assertThat(LatePayment.surcharge(new BigDecimal("10000"), DUE, DUE.plusDays(10), RULE)).isEqualByComparingTo("3000.00");
		assertThat(LatePayment.surcharge(new BigDecimal("1234.56"), DUE, DUE.plusDays(3), RULE)).isEqualByComparingTo("111.11");
	}

	@Test
	void theSurchargeNeverExceedsTheFine() {
		// 33 days × 3% = 99%, 34 days = 102% → capped
		assertThat(LatePayment.surcharge(new BigDecimal("10000"), DUE, DUE.plusDays(33), RULE)).isEqualByComparingTo("9900.00");
		assertThat(LatePayment.surcharge(new BigDecimal("10000"), DUE, DUE.plusDays(34), RULE)).isEqualByComparingTo("10000.00");
		assertThat(LatePayment.surcharge(new BigDecimal("10000"), DUE, DUE.plusDays(400), RULE)).isEqualByComparingTo("10000.00");
	}

	@Test
	void noFineNoSurcharge() {
		assertThat(LatePayment.surcharge(BigDecimal.ZERO, DUE, DUE.plusDays(30), RULE)).isEqualByComparingTo("0");
	}
}
