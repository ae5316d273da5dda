package org.fundguard.appeals;

import java.time.LocalDate;
import java.util.List;

import org.fundguard.calendar.Deadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which institutions had signals of a rule run issued to them in a year (三个全覆盖: 日常稽核): an issued signal is
 * the routine audit's contact with the institution, whatever its answer.
 */
@Service
public class IssuedSignalCoverage {

	private final JdbcClient jdbc;

	IssuedSignalCoverage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Provider codes with a signal issued in the year, in the bureau's time zone. */
	public List<String> issuedIn(int year) {
		return jdbc.sql("""
				select distinct provider_code from issued_signal where issued_at >= ? and issued_at < ?
				order by provider_code""")
			.params(LocalDate.of(year, 1, 1).atStartOfDay(Deadlines.BUREAU_ZONE).toOffsetDateTime(),
					LocalDate.of(year + 1, 1, 1).atStartOfDay(Deadlines.BUREAU_ZONE).toOffsetDateTime())
			.query(String.class)
			.list();
	}
}
