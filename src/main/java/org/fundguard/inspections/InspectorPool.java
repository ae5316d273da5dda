package org.fundguard.inspections;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The inspector pool (执法检查人员名录库) that random inspections draw from. Loads replace an inspector's
 * record as the bureau's export states it.
 */
@Service
public class InspectorPool {

	private final JdbcClient jdbc;
	private final Clock clock;

	InspectorPool(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void save(String inspectorId, String name, String unit, String region, String certificateNo, boolean active,
			List<String> conflicts) {
		String conflictList = String.join(";", conflicts);
		OffsetDateTime now = OffsetDateTime.now(clock);
		int updated = jdbc.sql("""
				update inspection_inspector set name = ?, unit = ?, region = ?, certificate_no = ?, active = ?,
				conflicts = ?, updated_at = ? where inspector_id = ?""")
			.params(name, unit, region, certificateNo, active, conflictList, now, inspectorId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into inspection_inspector (inspector_id, name, unit, region, certificate_no, active, conflicts,
					updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(inspectorId, name, unit, region, certificateNo, active, conflictList, now)
				.update();
		}
	}

	public long count() {
		return jdbc.sql("select count(*) from inspection_inspector").query(Long.class).single();
	}
}
