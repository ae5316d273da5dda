package org.fundguard.generator;

/** Text of cents and of quantities in ten-thousandths, without floating point. */
final class Money {

	private Money() {
	}

	/** Cents as yuan with two decimals, e.g. 1234.50. */
	static String format(long cents) {
		StringBuilder sb = new StringBuilder(12);
		append(sb, cents);
		return sb.toString();
	}

	static void append(StringBuilder sb, long cents) {
		if (cents < 0) {
			sb.append('-');
			cents = -cents;
		}
		long cent = cents % 100;
		sb.append(cents / 100).append('.').append((char) ('0' + cent / 10)).append((char) ('0' + cent % 10));
	}

	/** Ten-thousandths as a number with up to four decimals and no trailing zeros, e.g. 0.6, 2, 1.25. */
	static String quantity(long q) {
		StringBuilder sb = new StringBuilder(10);
		appendQuantity(sb, q);
		return sb.toString();
	}

	static void appendQuantity(StringBuilder sb, long q) {
		sb.append(q / Bill.UNIT);
		long frac = q % Bill.UNIT;
		if (frac != 0) {
			sb.append('.');
			int digits = 4;
			while (frac % 10 == 0) {
				frac /= 10;
				digits--;
			}
			String f = Long.toString(frac);
			for (int i = f.length(); i < digits; i++) {
				sb.append('0');
			}
			sb.append(f);
		}
	}
}
