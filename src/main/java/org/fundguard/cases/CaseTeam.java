package org.fundguard.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works a case (承办人). The rules of assignment live here, not in a form: every assignee is an officer with the
 * inspector role who is an active inspector of the pool; none has declared a conflict (回避) with the subject; on-site
 * work needs at least {@code fundguard.cases.on-site-min-inspectors} (2, Decree 735 Art. 29).
 */
@Service
public class CaseTeam {

	/** An assigned inspector; {@code role} is LEAD (主办) for the first, MEMBER (协办) for the others. */
	public record Assignee(long caseId, String username, String displayName, String inspectorId, String role,
			OffsetDateTime assignedAt, String assignedBy) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditCases cases;
	private final Officers officers;
	private final CasesProperties properties;

	CaseTeam(JdbcClient jdbc, Clock clock, AuditCases cases, Officers officers, CasesProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cases = cases;
		this.officers = officers;
		this.properties = properties;
	}

	/**
	 * Assigns the inspectors (replacing an earlier assignment), lead inspector first, and moves the case to
	 * investigation. Refuses ({@link Refused}) a team that breaks a rule.
	 */
	@Transactional
	public List<Assignee> assign(long caseId, List<String> usernames, boolean onSite, Actor by) {
		AuditCase c = cases.find(caseId).orElseThrow(() -> Refused.notFound("cases.case.not-found", caseId));
		List<String> team = new ArrayList<>(new LinkedHashSet<>(usernames.stream().map(String::trim).filter(u -> !u.isEmpty()).toList()));
		if (team.isEmpty()) {
			throw Refused.because("cases.team.none");
		}
		if (onSite && team.size() < properties.onSiteMinInspectors()) {
			throw Refused.because("cases.team.on-site-minimum", properties.onSiteMinInspectors());
		}
		List<Officers.Officer> chosen = new ArrayList<>();
		for (String username : team) {
			chosen.add(checked(username, c));
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
		jdbc.sql("delete from case_assignee where case_id = ?").param(caseId).update();
		for (int i = 0; i < chosen.size(); i++) {
			Officers.Officer o = chosen.get(i);
			jdbc.sql("insert into case_assignee (case_id, username, display_name, inspector_id, role, assigned_at, "
					+ "assigned_by) values (?, ?, ?, ?, ?, ?, ?)")
				.params(caseId, o.username(), o.displayName(), o.inspectorId(), i == 0 ? "LEAD" : "MEMBER", now, by.userId())
				.update();
		}
		String names = String.join("、", chosen.stream().map(o -> o.displayName() + "（" + o.inspectorId() + "）").toList());
		cases.changeStatus(caseId, CaseStatus.INVESTIGATING, by, "INSPECTORS_ASSIGNED",
				"指派检查员：" + names + "，主办 " + chosen.getFirst().displayName() + (onSite ? "；安排现场检查" : "；书面审查"));
		return assignees(caseId);
	}

	private Officers.Officer checked(String username, AuditCase c) {
		Officers.Officer o = officers.find(username)
			.orElseThrow(() -> Refused.because("cases.team.unknown-officer", username));
		if (!o.isInspector()) {
			throw Refused.because("cases.team.not-inspector", o.displayName());
		}
		if (o.inspectorId() == null) {
			throw Refused.because("cases.team.no-pool-id", o.displayName());
		}
		PoolEntry entry = poolEntry(o.inspectorId())
			.orElseThrow(() -> Refused.because("cases.team.not-in-pool", o.displayName(), o.inspectorId()));
		if (!entry.active()) {
			throw Refused.because("cases.team.inactive", o.displayName());
		}
		if (c.subjectType() == SubjectType.INSTITUTION && entry.conflicts().contains(c.subjectKey())) {
			throw Refused.because("cases.team.conflict", o.displayName(), c.subjectName(), c.subjectKey());
		}
		return o;
	}

	private record PoolEntry(boolean active, List<String> conflicts) {
	}

	/** The inspector pool is the inspections module's table; read here only for active flag and declared conflicts. */
	private Optional<PoolEntry> poolEntry(String inspectorId) {
		return jdbc.sql("select active, conflicts from inspection_inspector where inspector_id = ?")
			.param(inspectorId)
			.query((rs, n) -> new PoolEntry(rs.getBoolean(1), rs.getString(2) == null || rs.getString(2).isBlank()
					? List.of() : Arrays.stream(rs.getString(2).split(";")).map(String::trim).toList()))
			.optional();
	}

	public List<Assignee> assignees(long caseId) {
		return jdbc.sql("select case_id, username, display_name, inspector_id, role, assigned_at, assigned_by "
				+ "from case_assignee where case_id = ? order by case when role = 'LEAD' then 0 else 1 end, assigned_at, username")
			.param(caseId)
			.query((rs, n) -> new Assignee(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
			.list();
	}

	/** The assigned inspectors' usernames, lead inspector first: whom the investigation's tasks are offered to. */
	public List<String> usernames(long caseId) {
		return assignees(caseId).stream().map(Assignee::username).toList();
	}

	public boolean isAssigned(long caseId, String username) {
		return jdbc.sql("select count(*) from case_assignee where case_id = ? and username = ?")
			.params(caseId, username)
			.query(Long.class)
			.single() > 0;
	}

	/** Records who took part in a step (an on-site check): all must be assigned, and at least the on-site minimum. */
	public void checkOnSiteParticipants(long caseId, List<String> usernames) {
		List<String> distinct = usernames.stream().map(String::trim).filter(u -> !u.isEmpty()).distinct().toList();
		if (distinct.size() < properties.onSiteMinInspectors()) {
			throw Refused.because("cases.team.on-site-participants", properties.onSiteMinInspectors());
		}
		for (String u : distinct) {
			if (!isAssigned(caseId, u)) {
				throw Refused.because("cases.team.not-assigned", u);
			}
		}
	}
}
