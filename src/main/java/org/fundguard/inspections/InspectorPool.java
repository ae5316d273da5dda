package org.fundguard.inspections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.fundguard.claims.InspectorExported;
import org.fundguard.errors.Refused;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspector pool (执法检查人员名录库) that random inspections draw from. Loads replace an inspector's
 * record as the bureau's export states it; the workbench's active flag and declared conflicts are kept apart, so a
 * load never undoes them, and every workbench change is recorded with who, when and why.
 */
@Service
public class InspectorPool {

	private static final Pattern PROVIDER_CODE = Pattern.compile("[HP]\\d{11}");
	private static final String COLUMNS = """
			inspector_id, name, unit, region, certificate_no, active, workbench_active, conflicts, declared_conflicts,
			updated_at""";

	private final JdbcClient jdbc;
	private final Clock clock;

	InspectorPool(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A row of an export's inspector file, as the claims loader reads it: stored by its id, whatever came before. */
	@EventListener
	void exported(InspectorExported row) {
		save(row.inspectorId(), row.name(), row.unit(), row.region(), row.certificateNo(), row.active(), row.conflicts());
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

	public List<Inspector> all() {
		return jdbc.sql("select " + COLUMNS + " from inspection_inspector order by inspector_id").query(InspectorPool::row).list();
	}

	public Optional<Inspector> find(String inspectorId) {
		return jdbc.sql("select " + COLUMNS + " from inspection_inspector where inspector_id = ?")
			.param(inspectorId)
			.query(InspectorPool::row)
			.optional();
	}

	/** The active inspectors as a draw sees them. */
	List<PoolEntry> activeSnapshot() {
		return all().stream().filter(Inspector::active).map(Inspector::entry).toList();
	}

	/** Sets the workbench's active flag and records the change. */
	@Transactional
	public void setActive(String inspectorId, boolean active, String reason, String changedBy) {
		Inspector before = find(inspectorId).orElseThrow(() -> Refused.notFound("inspections.pool.no-inspector", inspectorId));
		requireReason(reason);
		jdbc.sql("update inspection_inspector set workbench_active = ? where inspector_id = ?").params(active, inspectorId).update();
		record(inspectorId, "active", before.active() ? "在岗" : "停用", active ? "在岗" : "停用", reason, changedBy);
	}

	/** Replaces the conflicts declared in the workbench (回避申报) and records the change. */
	@Transactional
	public void declareConflicts(String inspectorId, List<String> providerCodes, String reason, String changedBy) {
		Inspector before = find(inspectorId).orElseThrow(() -> Refused.notFound("inspections.pool.no-inspector", inspectorId));
		requireReason(reason);
		List<String> codes = providerCodes.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().sorted().toList();
		for (String code : codes) {
			if (!PROVIDER_CODE.matcher(code).matches()) {
				throw Refused.because("inspections.pool.bad-provider-code", code);
			}
		}
		jdbc.sql("update inspection_inspector set declared_conflicts = ? where inspector_id = ?")
			.params(String.join(";", codes), inspectorId)
			.update();
		record(inspectorId, "declared_conflicts", String.join(";", before.declaredConflicts()), String.join(";", codes), reason,
				changedBy);
	}

	public List<PoolChange> changes() {
		return jdbc.sql("""
				select id, inspector_id, field, old_value, new_value, reason, changed_by, changed_at
				from inspection_pool_change order by id desc""")
			.query((rs, n) -> new PoolChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
			.list();
	}

	private void record(String inspectorId, String field, String oldValue, String newValue, String reason, String by) {
		jdbc.sql("""
				insert into inspection_pool_change (inspector_id, field, old_value, new_value, reason, changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(inspectorId, field, oldValue, newValue, reason.strip(), by, OffsetDateTime.now(clock))
			.update();
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw Refused.because("inspections.pool.reason-required");
		}
	}

	private static Inspector row(ResultSet rs, int n) throws SQLException {
		Object workbench = rs.getObject("workbench_active");
		return new Inspector(rs.getString("inspector_id"), rs.getString("name"), rs.getString("unit"), rs.getString("region"),
				rs.getString("certificate_no"), rs.getBoolean("active"), workbench == null ? null : rs.getBoolean("workbench_active"),
				split(rs.getString("conflicts")), split(rs.getString("declared_conflicts")),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

	static List<String> split(String joined) {
		return joined == null || joined.isBlank() ? List.of()
				: Arrays.stream(joined.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
