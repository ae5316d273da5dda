package org.fundguard.cases;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Case search by number, subject, status, rule, region and amount, limited to the cases the viewer may see. */
@Service
public class CaseSearch {

	static final int LIMIT = 200;

	/** Search criteria; blank or null fields do not filter. */
	public record Criteria(String number, String subject, CaseStatus status, String rule, String region,
			BigDecimal minAmount, BigDecimal maxAmount) {

		public static Criteria all() {
			return new Criteria(null, null, null, null, null, null, null);
		}
	}

	private final JdbcClient jdbc;
	private final CaseAccess access;

	CaseSearch(JdbcClient jdbc, CaseAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	public List<AuditCase> search(CaseViewer viewer, Criteria c) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select " + AuditCases.COLUMNS + " from audit_case c where ");
		sql.append(access.condition(viewer, params));
		if (present(c.number())) {
			sql.append(" and c.case_number like ?");
			params.add("%" + c.number().strip() + "%");
		}
		if (present(c.subject())) {
			sql.append(" and (lower(c.subject_name) like ? or lower(c.subject_key) like ?)");
			String like = "%" + c.subject().strip().toLowerCase(java.util.Locale.ROOT) + "%";
			params.add(like);
			params.add(like);
		}
		if (c.status() != null) {
			sql.append(" and c.status = ?");
			params.add(c.status().name());
		}
		if (present(c.rule())) {
			sql.append(" and exists (select 1 from case_evidence e where e.case_id = c.id and e.rule_id = ?)");
			params.add(c.rule().strip());
		}
		if (present(c.region())) {
			sql.append(" and c.subject_region like ?");
			params.add(CaseViewer.prefixOf(c.region()) + "%");
		}
		if (c.minAmount() != null) {
			sql.append(" and c.amount >= ?");
			params.add(c.minAmount());
		}
		if (c.maxAmount() != null) {
			sql.append(" and c.amount <= ?");
			params.add(c.maxAmount());
		}
		sql.append(" order by c.id desc fetch first " + LIMIT + " rows only");
		return jdbc.sql(sql.toString()).params(params).query(AuditCases::row).list();
	}

	/** The rules that appear in any case's evidence, for the search form. */
	public List<String> rules() {
		return jdbc.sql("select distinct rule_id from case_evidence where rule_id is not null order by rule_id")
			.query(String.class)
			.list();
	}

	private static boolean present(String s) {
		return s != null && !s.isBlank();
	}
}
