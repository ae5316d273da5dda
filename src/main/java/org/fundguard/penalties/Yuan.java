package org.fundguard.penalties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as the bureau writes them: ¥ with thousands separators and two decimals. */
public final class Yuan {

	private Yuan() {
	}

	public static String format(BigDecimal amount) {
		if (amount == null) {
			return "—";
		}
		DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return "¥" + f.format(amount.setScale(2, RoundingMode.HALF_UP));
	}

	static BigDecimal cents(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}
}
