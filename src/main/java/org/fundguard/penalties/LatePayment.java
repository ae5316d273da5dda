package org.fundguard.penalties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * 加处罚款 (Administrative Penalty Law art. 72): a party who pays the fine late pays, for each day after the due
 * date, the configured share of the fine, never more in total than the fine times the cap (the fine itself by
 * default). Only the fine carries the surcharge, not the loss returned.
 */
public final class LatePayment {

	private LatePayment() {
	}

	public static BigDecimal surcharge(BigDecimal fine, LocalDate dueDate, LocalDate paidOn,
			PenaltiesProperties.LatePayment rule) {
		long daysLate = Math.max(0, ChronoUnit.DAYS.between(dueDate, paidOn));
		if (daysLate == 0 || fine.signum() == 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal surcharge = fine.multiply(rule.dailyRate()).multiply(BigDecimal.valueOf(daysLate));
		BigDecimal cap = fine.multiply(rule.capOfFine());
		return surcharge.min(cap).setScale(2, RoundingMode.HALF_UP);
	}

	public static long daysLate(LocalDate dueDate, LocalDate paidOn) {
		return Math.max(0, ChronoUnit.DAYS.between(dueDate, paidOn));
	}
}
