package org.fundguard.penalties;

import java.time.LocalDate;

/** Dates and small numbers as official documents write them: 二〇二六年十一月二十三日, 十五日, 六十日. */
final class ChineseNumerals {

	private static final String DIGITS = "〇一二三四五六七八九";

	private ChineseNumerals() {
	}

	static String date(LocalDate day) {
		StringBuilder year = new StringBuilder();
		for (char c : Integer.toString(day.getYear()).toCharArray()) {
			year.append(DIGITS.charAt(c - '0'));
		}
		return year + "年" + number(day.getMonthValue()) + "月" + number(day.getDayOfMonth()) + "日";
	}

	/** 1–99 the way they are read: 十, 十五, 二十, 六十. */
	static String number(int n) {
		if (n < 0 || n > 99) {
			return Integer.toString(n);
		}
		if (n < 10) {
			return String.valueOf(DIGITS.charAt(n));
		}
		int tens = n / 10;
		int ones = n % 10;
		return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
	}
}
