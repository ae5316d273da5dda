package org.fundguard.cases;

import java.time.LocalDate;
import java.util.List;

import org.fundguard.calendar.Deadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Closed cases of a year and the inspectors who handled them, for the yearly re-check draw (抽查复查) and the
 * coverage of routine audit: a case counts in the year it was opened (its number carries that year).
 */
@Service
public class ClosedCases {

	/**
	 * @param handlers the inspector ids of the case's assignees (承办人), who must not re-check it
	 */
	public record ClosedCase(String number, SubjectType subjectType, String subjectKey, String subjectRegion,
			List<String> handlers) {
	}

	private final JdbcClient jdbc;

	ClosedCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ClosedCase> closedOpenedIn(int year) {
		return jdbc.sql("""
				select c.case_number, c.subject_type, c.subject_key, coalesce(c.subject_region, ''),
				(select string_agg(a.inspector_id, ';' order by a.inspector_id) from case_assignee a where a.case_id = c.id)
				from audit_case c where c.status = 'CLOSED' and c.opened_at >= ? and c.opened_at < ? order by c.case_number""")
			.params(LocalDate.of(year, 1, 1).atStartOfDay(Deadlines.BUREAU_ZONE).toOffsetDateTime(),
					LocalDate.of(year + 1, 1, 1).atStartOfDay(Deadlines.BUREAU_ZONE).toOffsetDateTime())
			.query((rs, n) -> new ClosedCase(rs.getString(1), SubjectType.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5) == null ? List.of() : List.of(rs.getString(5).split(";"))))
			.list();
	}

	/** The institutions (provider codes) with an audit case opened in the year, whatever its status. */
	public List<String> institutionsWithCaseOpenedIn(int year) {
		return jdbc.sql("""
				select distinct subject_key from audit_case where subject_type = 'INSTITUTION' and status <> 'MERGED'
				and opened_at >= ? and opened_at < ? order by subject_key""")
			.params(LocalDate.of(year, 1, 1).atStartOfDay(Deadlines.BUREAU_ZONE).toOffsetDateTime(),
					LocalDate.of(year + 1, 1, 1).atStartOfDay(Deadlines.BUREAU_ZONE).toOffsetDateTime())
			.query(String.class)
			.list();
	}
}
