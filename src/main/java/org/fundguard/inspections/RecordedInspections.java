package org.fundguard.inspections;

import java.time.LocalDate;
import java.util.List;

import org.fundguard.calendar.Deadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Inspections whose on-site result was recorded (or published) in a year, with their teams: the yearly re-check
 * draw (抽查复查) samples them, the coverage page counts them.
 */
@Service
public class RecordedInspections {

	/** @param team the inspector ids of the team that inspected, who must not re-check it */
	public record Recorded(long id, String providerCode, String providerRegion, InspectionResult result,
			List<String> team) {
	}

	private final JdbcClient jdbc;

	RecordedInspections(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Recorded> recordedIn(int year) {
		return jdbc.sql("""
				select i.id, i.provider_code, i.provider_region, i.result,
				(select string_agg(m.inspector_id, ';' order by m.seq) from inspection_team_member m where m.inspection_id = i.id)
				from inspection i where i.status in ('RECORDED', 'PUBLISHED') and i.recorded_at >= ? and i.recorded_at < ?
				order by i.id""")
			.params(LocalDate.of(year, 1, 1).atStartOfDay(Deadlines.BUREAU_ZONE).toOffsetDateTime(),
					LocalDate.of(year + 1, 1, 1).atStartOfDay(Deadlines.BUREAU_ZONE).toOffsetDateTime())
			.query((rs, n) -> new Recorded(rs.getLong(1), rs.getString(2), rs.getString(3),
					InspectionResult.valueOf(rs.getString(4)),
					rs.getString(5) == null ? List.of() : List.of(rs.getString(5).split(";"))))
			.list();
	}
}
