package org.fundguard.coverage;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.rules.SmallExport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Six institutions of a region of their own and a past year's facts about them, written as the modules store them:
 * P1 self-inspected and inspected, P2 all three (signals issued and inspected), P3 a case only, P4 inspected only,
 * P5 nothing, P6 everything but in the next year. {@link #expected} is the test's own reading of the tables and the
 * providers index, independent of the coverage module's code.
 */
final class CoverageYear {

	static final String REGION = "370387";
	static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

	final int year = ThreadLocalRandom.current().nextInt(2001, 2021);
	final String tag = "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
	final List<String> codes = new ArrayList<>();

	String code(int n) {
		return "H" + REGION + tag + "%02d".formatted(n);
	}

	CoverageYear write(ClaimsLoader loader, JdbcClient jdbc, Path folder) throws Exception {
		SmallExport export = new SmallExport("CV" + tag + "-");
		for (int n = 1; n <= 6; n++) {
			export.provider(code(n), "覆盖测试医院" + tag + "-" + n, REGION);
			codes.add(code(n));
		}
		var load = loader.load(export.writeTo(folder), "analyst1", LoadProgress.NONE);
		if (!load.status().equals("COMPLETED")) {
			throw new IllegalStateException("coverage export did not load: " + load);
		}
		OffsetDateTime inYear = LocalDate.of(year, 6, 1).atStartOfDay(BUREAU).toOffsetDateTime();
		OffsetDateTime nextYear = LocalDate.of(year + 1, 1, 1).atStartOfDay(BUREAU).toOffsetDateTime().plusHours(1);
		long selfInspection = jdbc.sql("""
				insert into self_inspection (name, rule_ids, period_from, period_to, deadline_days, deadline, status, launched_by,
				launched_at) values (?, 'price-over-ceiling', ?, ?, 10, ?, 'CLOSED', 'director1', ?) returning id""")
			.params("覆盖测试自查 " + tag, LocalDate.of(year, 1, 1), LocalDate.of(year, 3, 31), inYear, inYear)
			.query(Long.class)
			.single();
		report(jdbc, selfInspection, code(1), "REPORTED", inYear);
		report(jdbc, selfInspection, code(2), "REPORTED", inYear);
		report(jdbc, selfInspection, code(5), "OVERDUE", null);
		report(jdbc, selfInspection, code(6), "REPORTED", nextYear);
		signal(jdbc, code(2), inYear);
		signal(jdbc, code(6), nextYear);
		auditCase(jdbc, code(3), inYear);
		auditCase(jdbc, code(6), nextYear);
		long planId = jdbc.sql("""
				insert into inspection_plan (name, plan_year, regions, provider_types, levels, sample_count, stratify_by, risk_weighted,
				inspectors_per_institution, deadline, status, drafted_by, created_at) values (?, ?, ?, '', '', 3, 'none', false, 2,
				?, 'CLOSED', 'inspector1', ?) returning id""")
			.params("覆盖测试计划 " + tag, year, REGION, LocalDate.of(year, 12, 31), inYear)
			.query(Long.class)
			.single();
		long drawId = jdbc.sql("""
				insert into inspection_draw (plan_id, attempt, status, parameters, seed, seed_hash, directory_hash, pool_hash, commitment,
				directory_snapshot, pool_snapshot, excluded, committed_at) values (?, 1, 'DRAWN', 'x', ?, ?, ?, ?, ?, '[]', '[]', '[]', ?)
				returning id""")
			.params(planId, "0".repeat(64), "0".repeat(64), "0".repeat(64), "0".repeat(64), "0".repeat(64), inYear)
			.query(Long.class)
			.single();
		inspection(jdbc, planId, drawId, 1, code(1), "RECORDED", inYear);
		inspection(jdbc, planId, drawId, 2, code(2), "PUBLISHED", inYear);
		inspection(jdbc, planId, drawId, 3, code(4), "RECORDED", inYear);
		inspection(jdbc, planId, drawId, 4, code(5), "DRAWN", null);
		inspection(jdbc, planId, drawId, 5, code(6), "RECORDED", nextYear);
		return this;
	}

	/**
	 * The test's own answer: per provider of the region in the providers index, [self-inspection, routine audit, random
	 * inspection], each read straight from the tables for the year in Beijing time.
	 */
	static Map<String, boolean[]> expected(JdbcClient jdbc, ElasticJson elastic, String providersAlias, int year) {
		JsonNode hits = elastic.send("POST", "/" + providersAlias + "/_search",
				"{\"size\":1000,\"_source\":[\"provider_code\"],\"query\":{\"prefix\":{\"region\":\"" + REGION + "\"}}}");
		Map<String, boolean[]> out = new LinkedHashMap<>();
		for (JsonNode h : hits.path("hits").path("hits")) {
			String code = h.path("_source").path("provider_code").asText();
			String y = " and extract(year from %s at time zone 'Asia/Shanghai') = " + year;
			boolean self = exists(jdbc, "select 1 from self_inspection_report where status = 'REPORTED' and provider_code = ?"
					+ y.formatted("reported_at"), code);
			boolean audit = exists(jdbc, "select 1 from issued_signal where provider_code = ?" + y.formatted("issued_at"), code)
					|| exists(jdbc, "select 1 from audit_case where subject_type = 'INSTITUTION' and status <> 'MERGED' and subject_key = ?"
							+ y.formatted("opened_at"), code);
			boolean inspected = exists(jdbc, "select 1 from inspection where status in ('RECORDED', 'PUBLISHED') and provider_code = ?"
					+ y.formatted("recorded_at"), code);
			out.put(code, new boolean[] { self, audit, inspected });
		}
		return out;
	}

	private static boolean exists(JdbcClient jdbc, String sql, String code) {
		return !jdbc.sql(sql).param(code).query(Integer.class).list().isEmpty();
	}

	private static void report(JdbcClient jdbc, long selfInspection, String code, String status, OffsetDateTime at) {
		jdbc.sql("""
				insert into self_inspection_report (self_inspection_id, provider_code, provider_name, status, found, reported_by, reported_at)
				values (?, ?, '覆盖测试医院', ?, ?, 'institution1', ?)""")
			.params(selfInspection, code, status, at == null ? null : "未发现问题", at)
			.update();
	}

	private static void signal(JdbcClient jdbc, String code, OffsetDateTime at) {
		jdbc.sql("""
				insert into issued_signal (id, lead_id, signal_id, evidence_key, provider_code, rule_id, amount, evidence_summary,
				issued_by, issued_at, deadline, state) values (?, ?, ?, ?, ?, 'price-over-ceiling', 10, '单价超限', 'analyst1', ?, ?, 'ACCEPTED')""")
			.params(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "price-over-ceiling|" + code + "|x", "0".repeat(64),
					code, at, at.plusDays(14))
			.update();
	}

	private static void auditCase(JdbcClient jdbc, String code, OffsetDateTime at) {
		jdbc.sql("""
				insert into audit_case (case_number, subject_type, subject_key, subject_name, subject_region, source, amount, summary,
				status, received_at, opened_at, opened_by) values (?, 'INSTITUTION', ?, '覆盖测试医院', ?, 'MANUAL', 10, '覆盖测试', 'ACCEPTED', ?, ?,
				'director1')""")
			.params("3703-" + at.getYear() + "-CV" + code.substring(7), code, REGION, at, at)
			.update();
	}

	private static void inspection(JdbcClient jdbc, long planId, long drawId, int seq, String code, String status,
			OffsetDateTime at) {
		jdbc.sql("""
				insert into inspection (plan_id, draw_id, seq, provider_code, provider_name, provider_type, provider_level,
				provider_region, stratum, status, result, recorded_by, recorded_at) values (?, ?, ?, ?, '覆盖测试医院', 'hospital', '2', ?,
				'*', ?, ?, ?, ?)""")
			.params(planId, drawId, seq, code, REGION, status, at == null ? null : "NO_PROBLEM", at == null ? null : "inspector1", at)
			.update();
	}
}
