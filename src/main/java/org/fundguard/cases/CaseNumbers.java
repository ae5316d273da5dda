package org.fundguard.cases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case numbers by region and year, {@code 370300-2026-000123}: a counter row per region and year, taken under a
 * row lock so that two cases never share a number and numbers have no gaps within a committed year.
 */
@Component
class CaseNumbers {

	private final JdbcClient jdbc;

	CaseNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String next(String regionCode, int year) {
		int updated = jdbc.sql("update audit_case_counter set last_value = last_value + 1 where region_code = ? and year_no = ?")
			.params(regionCode, year)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into audit_case_counter (region_code, year_no, last_value) values (?, ?, 1)")
				.params(regionCode, year)
				.update();
		}
		long value = jdbc.sql("select last_value from audit_case_counter where region_code = ? and year_no = ?")
			.params(regionCode, year)
			.query(Long.class)
			.single();
		return format(regionCode, year, value);
	}

	static String format(String regionCode, int year, long value) {
		return "%s-%d-%06d".formatted(regionCode, year, value);
	}
}
