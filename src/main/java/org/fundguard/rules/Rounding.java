package org.fundguard.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money to the fen and measured values to four decimals, for signals people read. */
final class Rounding {

	private Rounding() {
	}

	static double money(double yuan) {
		return BigDecimal.valueOf(yuan).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	static double value(double v) {
		return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
	}

	static String text(double v) {
		return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}
}
