package org.fundguard.rechecks;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.fundguard.inspections.InspectorPool;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A past year's closed cases and recorded inspection results, written as the cases and inspections modules store
 * them, for the re-check ITs: {@value #CASES} closed cases (one of a person), one case still open, and
 * {@value #INSPECTIONS} recorded inspections, each handled by inspectors of the pool this fixture adds. The year is
 * one no other test writes cases or inspections in, so the draw's candidates are exactly these.
 */
final class RecheckYear {

	static final int CASES = 12;
	static final int INSPECTIONS = 6;
	static final String PERSON_ID = "370303198001011234";

	final int year;
	final String tag;
	final List<String> caseNumbers = new ArrayList<>();
	final List<Long> inspectionIds = new ArrayList<>();
	final List<String> inspectors = new ArrayList<>();

	RecheckYear(int year) {
		this.year = year;
		this.tag = Long.toString(System.nanoTime() % 100000);
	}

	RecheckYear write(JdbcClient jdbc, InspectorPool pool) {
		for (int i = 1; i <= 6; i++) {
			String id = "RC" + tag + "-" + i;
			pool.save(id, "复查员" + i, "淄博市医保局", "370300", "ZF-RC-" + tag + i, true, List.of());
			inspectors.add(id);
		}
		OffsetDateTime opened = LocalDate.of(year, 3, 1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
		for (int i = 1; i <= CASES + 1; i++) {
			String number = "3703-" + year + "-R" + tag + "-" + i;
			boolean person = i == CASES;
			boolean open = i == CASES + 1;
			long caseId = jdbc.sql("""
					insert into audit_case (case_number, subject_type, subject_key, subject_name, subject_region, source, amount,
					summary, status, received_at, opened_at, opened_by) values (?, ?, ?, ?, '370302', 'MANUAL', 100, '复查测试', ?, ?, ?, 'director1')
					returning id""")
				.params(number, person ? "PERSON" : "INSTITUTION", person ? PERSON_ID : "H3703020" + tag + i,
						person ? "张三" : "测试医院" + i, open ? "INVESTIGATING" : "CLOSED", opened, opened.plusDays(i))
				.query(Long.class)
				.single();
			jdbc.sql("""
					insert into case_assignee (case_id, username, display_name, inspector_id, role, assigned_at, assigned_by)
					values (?, ?, '承办人', ?, 'LEAD', ?, 'director1')""")
				.params(caseId, "handler" + tag + i, handlerOfCase(i), opened)
				.update();
			if (!open) {
				caseNumbers.add(number);
			}
		}
		long planId = jdbc.sql("""
				insert into inspection_plan (name, plan_year, regions, provider_types, levels, sample_count, stratify_by, risk_weighted,
				inspectors_per_institution, deadline, status, drafted_by, created_at) values (?, ?, '3703', '', '', 6, 'none', false, 2,
				?, 'CLOSED', 'inspector1', ?) returning id""")
			.params("复查测试计划 " + tag, year, LocalDate.of(year, 12, 31), opened)
			.query(Long.class)
			.single();
		long drawId = jdbc.sql("""
				insert into inspection_draw (plan_id, attempt, status, parameters, seed, seed_hash, directory_hash, pool_hash, commitment,
				directory_snapshot, pool_snapshot, excluded, committed_at) values (?, 1, 'DRAWN', 'x', ?, ?, ?, ?, ?, '[]', '[]', '[]', ?)
				returning id""")
			.params(planId, "0".repeat(64), "0".repeat(64), "0".repeat(64), "0".repeat(64), "0".repeat(64), opened)
			.query(Long.class)
			.single();
		for (int i = 1; i <= INSPECTIONS; i++) {
			long id = jdbc.sql("""
					insert into inspection (plan_id, draw_id, seq, provider_code, provider_name, provider_type, provider_level,
					provider_region, stratum, status, result, recorded_by, recorded_at) values (?, ?, ?, ?, ?, 'hospital', '', '370303', '*',
					'RECORDED', 'NO_PROBLEM', 'inspector1', ?) returning id""")
				.params(planId, drawId, i, "H3703030" + tag + i, "检查医院" + i, opened.plusMonths(2))
				.query(Long.class)
				.single();
			for (int m = 0; m < 2; m++) {
				jdbc.sql("insert into inspection_team_member (inspection_id, seq, inspector_id) values (?, ?, ?)")
					.params(id, m + 1, inspectors.get((i + m) % inspectors.size()))
					.update();
			}
			inspectionIds.add(id);
		}
		return this;
	}

	String handlerOfCase(int i) {
		return inspectors.isEmpty() ? null : inspectors.get(i % inspectors.size());
	}
}
