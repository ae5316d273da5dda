package org.fundguard.cases;

import java.util.ArrayList;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which cases a user may see and work on, enforced in every query and on every case page and API call:
 * <ul>
 * <li>directors: every case;</li>
 * <li>inspectors: cases assigned to them, and cases whose subject is in a region they work (Keycloak user
 * attribute {@code region}; 370300 covers all of 3703…);</li>
 * <li>legal reviewers: cases in the administrative-penalty procedure;</li>
 * <li>everyone else: none (case files hold personal data).</li>
 * </ul>
 */
@Service
public class CaseAccess {

	private final JdbcClient jdbc;
	private final AuditCases cases;

	CaseAccess(JdbcClient jdbc, AuditCases cases) {
		this.jdbc = jdbc;
		this.cases = cases;
	}

	public boolean mayView(CaseViewer viewer, AuditCase c) {
		if (viewer.has(Role.DIRECTOR)) {
			return true;
		}
		if (viewer.has(Role.INSPECTOR)) {
			if (c.subjectRegion() != null && viewer.regionPrefixes().stream().anyMatch(c.subjectRegion()::startsWith)) {
				return true;
			}
			boolean assigned = jdbc.sql("select count(*) from case_assignee where case_id = ? and username = ?")
				.params(c.id(), viewer.username())
				.query(Long.class)
				.single() > 0;
			if (assigned) {
				return true;
			}
		}
		return viewer.has(Role.LEGAL_REVIEWER) && c.status() == CaseStatus.PENALTY;
	}

	/** The case by number, when the viewer may see it; refused as not found (404) or not visible (403). */
	public AuditCase visible(CaseViewer viewer, String number) {
		AuditCase c = cases.findByNumber(number).orElseThrow(() -> Refused.notFound("cases.case.not-found", number));
		if (!mayView(viewer, c)) {
			throw Refused.forbidden("cases.case.not-visible", number);
		}
		return c;
	}

	/** The same rule as {@link #mayView}, as an SQL condition on {@code audit_case c}, with its parameters appended. */
	String condition(CaseViewer viewer, List<Object> params) {
		if (viewer.has(Role.DIRECTOR)) {
			return "1 = 1";
		}
		List<String> any = new ArrayList<>();
		if (viewer.has(Role.INSPECTOR)) {
			any.add("exists (select 1 from case_assignee a where a.case_id = c.id and a.username = ?)");
			params.add(viewer.username());
			for (String prefix : viewer.regionPrefixes()) {
				any.add("c.subject_region like ?");
				params.add(prefix.replace("%", "").replace("_", "") + "%");
			}
		}
		if (viewer.has(Role.LEGAL_REVIEWER)) {
			any.add("c.status = 'PENALTY'");
		}
		return any.isEmpty() ? "1 = 0" : "(" + String.join(" or ", any) + ")";
	}
}
