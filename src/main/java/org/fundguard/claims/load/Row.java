package org.fundguard.claims.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One data row of an export file, read by column name whatever the column order. Each typed accessor
 * enforces the contract's format for that kind of value and names the column when it does not hold.
 */
final class Row {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
		.withResolverStyle(ResolverStyle.STRICT);
	private static final Pattern REGION = Pattern.compile("\\d{6}");

	private final Map<String, Integer> header;
	private final String[] cells;
	private final long rowNumber;
	private final long lineNumber;

	Row(Map<String, Integer> header, String[] cells, long rowNumber, long lineNumber) {
		this.header = header;
		this.cells = cells;
		this.rowNumber = rowNumber;
		this.lineNumber = lineNumber;
	}

	/** 1-based, the header being row 1. */
	long rowNumber() {
		return rowNumber;
	}

	/** The physical line the row starts on; differs from the row number when quoted cells hold line breaks. */
	long lineNumber() {
		return lineNumber;
	}

	String[] cells() {
		return cells;
	}

	/** The cell, or null when it is empty or the optional column is absent. */
	String text(String column) {
		Integer index = header.get(column);
		if (index == null || index >= cells.length) {
			return null;
		}
		String value = cells[index];
		return value == null || value.isEmpty() ? null : value;
	}

	String required(String column) throws BadValue {
		String value = text(column);
		if (value == null) {
			throw new BadValue(column, "required value is empty");
		}
		return value;
	}

	String oneOf(String column, boolean required, String... allowed) throws BadValue {
		String value = required ? required(column) : text(column);
		if (value == null) {
			return null;
		}
		for (String a : allowed) {
			if (a.equals(value)) {
				return value;
			}
		}
		throw new BadValue(column, "'" + value + "' is not one of " + String.join(", ", allowed));
	}

	String region(String column) throws BadValue {
		String value = required(column);
		if (!REGION.matcher(value).matches()) {
			throw new BadValue(column, "'" + value + "' is not a 6-digit region code");
		}
		return value;
	}

	LocalDate date(String column, boolean required) throws BadValue {
		String value = required ? required(column) : text(column);
		if (value == null) {
			return null;
		}
		try {
			return parseDate(value);
		}
		catch (DateTimeParseException e) {
			throw new BadValue(column, "'" + value + "' is not a date yyyy-MM-dd");
		}
	}

	LocalDateTime dateTime(String column) throws BadValue {
		String value = required(column);
		try {
			return parseDateTime(value);
		}
		catch (DateTimeParseException e) {
			throw new BadValue(column, "'" + value + "' is not a date-time yyyy-MM-dd HH:mm:ss");
		}
	}

	/** A date as {@link #DATE} parses it, the usual well-formed ones read by hand. */
	static LocalDate parseDate(String value) {
		LocalDate fast = fastDate(value, 0, 10);
		return fast != null ? fast : LocalDate.parse(value, DATE);
	}

	/** A date-time as {@link #DATE_TIME} parses it, the usual well-formed ones read by hand. */
	static LocalDateTime parseDateTime(String value) {
		LocalDate day = value.length() == 19 && value.charAt(10) == ' ' && value.charAt(13) == ':' && value.charAt(16) == ':'
				? fastDate(value, 0, 19) : null;
		int hour = day == null ? -1 : digits(value, 11);
		int minute = day == null ? -1 : digits(value, 14);
		int second = day == null ? -1 : digits(value, 17);
		if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60) {
			return day.atTime(hour, minute, second);
		}
		return LocalDateTime.parse(value, DATE_TIME);
	}

	/** Whether {@link #writeDate} can write the date: a year from 0 to 9999; others go to the formatters. */
	static boolean writable(LocalDate d) {
		return d.getYear() >= 0 && d.getYear() <= 9999;
	}

	/** Writes what {@link #DATE} formats (uuuu-MM-dd, 10 bytes) at {@code at}, for a {@link #writable} date. */
	static void writeDate(byte[] out, int at, LocalDate d) {
		twoDigits(out, at, d.getYear() / 100);
		twoDigits(out, at + 2, d.getYear() % 100);
		out[at + 4] = '-';
		twoDigits(out, at + 5, d.getMonthValue());
		out[at + 7] = '-';
		twoDigits(out, at + 8, d.getDayOfMonth());
	}

	/** Writes HH:mm:ss (8 bytes) at {@code at}. */
	static void writeTime(byte[] out, int at, LocalDateTime t) {
		twoDigits(out, at, t.getHour());
		out[at + 2] = ':';
		twoDigits(out, at + 3, t.getMinute());
		out[at + 5] = ':';
		twoDigits(out, at + 6, t.getSecond());
	}

	private static void twoDigits(byte[] out, int at, int value) {
		out[at] = (byte) ('0' + value / 10);
		out[at + 1] = (byte) ('0' + value % 10);
	}

	/**
	 * The usual well-formed yyyy-MM-dd at the start of a value of the given length, read by hand: the formatter's
	 * parse was one of the loader's larger costs. Null for anything else, which the strict formatter then judges,
	 * so that what is accepted and the reasons for rejecting stay the formatter's.
	 */
	private static LocalDate fastDate(String value, int from, int length) {
		if (value.length() != length || value.charAt(from + 4) != '-' || value.charAt(from + 7) != '-') {
			return null;
		}
		int high = digits(value, from);
		int low = digits(value, from + 2);
		int month = digits(value, from + 5);
		int day = digits(value, from + 8);
		int year = high * 100 + low;
		if (high < 0 || low < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	/** Two ASCII digits as a number, or -1. */
	private static int digits(String value, int at) {
		char a = value.charAt(at);
		char b = value.charAt(at + 1);
		return a >= '0' && a <= '9' && b >= '0' && b <= '9' ? (a - '0') * 10 + (b - '0') : -1;
	}

	/** Money in yuan: a plain decimal with at most 2 decimals. */
	BigDecimal money(String column, boolean required) throws BadValue {
		return decimal(column, required, 2, "money");
	}

	/** A quantity: a plain decimal with at most 4 decimals. */
	BigDecimal quantity(String column) throws BadValue {
		return decimal(column, true, 4, "quantity");
	}

	private BigDecimal decimal(String column, boolean required, int scale, String kind) throws BadValue {
		String value = required ? required(column) : text(column);
		if (value == null) {
			return null;
		}
		BigDecimal number;
		try {
			if (value.indexOf('e') >= 0 || value.indexOf('E') >= 0) {
				throw new NumberFormatException();
			}
			number = new BigDecimal(value);
		}
		catch (NumberFormatException e) {
			throw new BadValue(column, "'" + value + "' is not a number");
		}
		if (number.scale() > scale) {
			throw new BadValue(column, "'" + value + "' has more than " + scale + " decimals for " + kind);
		}
		return number;
	}
}
