package org.fundguard.leads;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Yuan as the bureau writes them in a reason: thousands separated, two decimals. */
final class Money {

	private Money() {
	}

	static String yuan(BigDecimal amount) {
		DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return f.format((amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP));
	}
}
