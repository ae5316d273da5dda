package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Dates and times read by hand accept and refuse exactly what the strict formatters do. */
class RowTest {

	private static final List<String> DATES = List.of("2026-01-05", "2024-02-29", "2025-02-29", "2025-04-31", "2025-12-31",
			"0000-01-01", "9999-12-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-1-05", "2025/01/05", "20250105",
			"2025-01-05 ", "２025-01-05", "2025-01-0a", "-2025-01-05", "+2025-01-05");
	private static final List<String> TIMES = List.of("2026-01-05 08:05:09", "2024-02-29 23:59:59", "2025-02-29 10:00:00",
			"2026-01-05 24:00:00", "2026-01-05 23:60:00", "2026-01-05 23:59:60", "2026-01-05T08:05:09", "2026-01-05 8:05:09",
			"2026-01-05 08:05", "2026-01-05 08:05:09.5", "2026-01-31 00:00:00", "2026-06-31 00:00:00");

	@Test
	void datesAreTheFormattersDates() throws BadValue {
		for (String value : DATES) {
			LocalDate expected = parseOrNull(() -> LocalDate.parse(value, Row.DATE));
			if (expected == null) {
				assertThatThrownBy(() -> row("d", value).date("d", true)).as(value).isInstanceOf(BadValue.class)
					.hasMessageContaining("is not a date yyyy-MM-dd");
			}
			else {
				assertThat(row("d", value).date("d", true)).as(value).isEqualTo(expected);
			}
		}
	}

	@Test
	void dateTimesAreTheFormattersDateTimes() throws BadValue {
		for (String value : TIMES) {
			LocalDateTime expected = parseOrNull(() -> LocalDateTime.parse(value, Row.DATE_TIME));
			if (expected == null) {
				assertThatThrownBy(() -> row("t", value).dateTime("t")).as(value).isInstanceOf(BadValue.class)
					.hasMessageContaining("is not a date-time yyyy-MM-dd HH:mm:ss");
			}
			else {
				assertThat(row("t", value).dateTime("t")).as(value).isEqualTo(expected);
			}
		}
		assertThat(DATES.stream().filter(v -> parseOrNull(() -> LocalDate.parse(v, Row.DATE)) == null)).hasSizeGreaterThan(8);
	}

	@Test
	void plainRowsAreJoinedAsTheCsvWriterWouldQuoteThem() throws BadValue {
		assertThat(RejectsReport.raw(new String[] { "a", "张伟", "", "1.5" })).isEqualTo("a,张伟,,1.5");
		assertThat(RejectsReport.raw(new String[] { "a,b", "say \"hi\"", "two\nlines", "x" }))
			.isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",x");
		assertThat(row("m", "12.50").money("m", true)).isEqualByComparingTo(new BigDecimal("12.5"));
	}

	@Test
	void aSettlementComesBackFromTheKeyStoreAsItWasRead() {
		var s = new ClaimRows.Settlement("S1", "P1", "H37030000001", "370302", "370303", "11", LocalDate.of(2026, 1, 5),
				LocalDate.of(2026, 1, 5), LocalDateTime.of(2026, 1, 5, 9, 0, 7), "J06.9", null, "内科", null,
				new BigDecimal("10.50"), new BigDecimal("8"), new BigDecimal("2.50"));
		String[] cells = { "S1", "P1", "a,b", "say \"hi\"", "" };
		var back = Stored.SettlementRecord.unpack(Stored.SettlementRecord.pack(s, 7, 9, cells));
		assertThat(back.s()).isEqualTo(s);
		assertThat(back.rowNumber()).isEqualTo(7);
		assertThat(back.lineNumber()).isEqualTo(9);
		assertThat(back.raw()).isEqualTo(RejectsReport.raw(cells)).isEqualTo("S1,P1,\"a,b\",\"say \"\"hi\"\"\",");
	}

	private static Row row(String column, String value) {
		return new Row(Map.of(column, 0), new String[] { value }, 2, 2);
	}

	private static <T> T parseOrNull(java.util.function.Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
