package org.fundguard.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

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
	 * investigation. Throws {@link IllegalArgumentException} with a Chinese message when the team breaks a rule.
	 */
	@Transactional
	public List<Assignee> assign(long caseId, List<String> usernames, boolean onSite, Actor by) {
		AuditCase c = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("案件不存在 / no case " + caseId));
		List<String> team = new ArrayList<>(new LinkedHashSet<>(usernames.stream().map(String::trim).filter(u -> !u.isEmpty()).toList()));
		if (team.isEmpty()) {
			throw new IllegalArgumentException("请至少指派一名检查员 / assign at least one inspector");
		}
		if (onSite && team.size() < properties.onSiteMinInspectors()) {
			throw new IllegalArgumentException("现场检查须至少 " + properties.onSiteMinInspectors()
					+ " 名执法人员共同进行（《医疗保障基金使用监督管理条例》第二十九条）/ on-site work needs at least "
					+ properties.onSiteMinInspectors() + " inspectors");
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
			.orElseThrow(() -> new IllegalArgumentException("用户 " + username + " 尚未登录过本系统，无法确认其执法身份 / unknown officer"));
		if (!o.isInspector()) {
			throw new IllegalArgumentException(o.displayName() + " 不是检查员 / " + username + " is not an inspector");
		}
		if (o.inspectorId() == null) {
			throw new IllegalArgumentException(o.displayName() + " 的账号未关联执法检查人员名录（Keycloak 属性 inspector_id）"
					+ " / the account is not linked to the inspector pool");
		}
		PoolEntry entry = poolEntry(o.inspectorId()).orElseThrow(() -> new IllegalArgumentException(o.displayName()
				+ " 不在执法检查人员名录库中（" + o.inspectorId() + "）/ not in the inspector pool"));
		if (!entry.active()) {
			throw new IllegalArgumentException(o.displayName() + " 在名录库中为停用状态 / inactive in the pool");
		}
		if (c.subjectType() == SubjectType.INSTITUTION && entry.conflicts().contains(c.subjectKey())) {
			throw new IllegalArgumentException(o.displayName() + " 已声明与 " + c.subjectName() + "（" + c.subjectKey()
					+ "）存在利害关系，应当回避，不得指派 / declared a conflict with the subject");
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
			throw new IllegalArgumentException("现场检查须至少 " + properties.onSiteMinInspectors()
					+ " 名执法人员参加 / on-site work needs at least " + properties.onSiteMinInspectors() + " inspectors");
		}
		for (String u : distinct) {
			if (!isAssigned(caseId, u)) {
				throw new IllegalArgumentException(u + " 不是本案承办人 / not assigned to this case");
			}
		}
	}
}
