package org.fundguard.selfinspections;

import java.time.LocalDate;
import java.util.List;

import org.fundguard.calendar.Deadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Which institutions reported a self-inspection in a year (三个全覆盖: 自查自纠). */
@Service
public class SelfInspectionCoverage {

	private final JdbcClient jdbc;

	SelfInspectionCoverage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Provider codes with a report filed (已报告) in the year, in the bureau's time zone. */
	public List<String> reportedIn(int year) {
		return jdbc.sql("""
				select distinct provider_code from self_inspection_report where status = 'REPORTED'
				and reported_at >= ? and reported_at < ? order by provider_code""")
			.params(LocalDate.of(year, 1, 1).atStartOfDay(Deadlines.BUREAU_ZONE).toOffsetDateTime(),
					LocalDate.of(year + 1, 1, 1).atStartOfDay(Deadlines.BUREAU_ZONE).toOffsetDateTime())
			.query(String.class)
			.list();
	}
}
