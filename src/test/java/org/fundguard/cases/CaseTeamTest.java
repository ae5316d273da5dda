package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.fundguard.identity.Jurisdiction;
import org.fundguard.calendar.Deadlines;
import org.fundguard.identity.Role;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.support.MigratedH2;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules of assignment, enforced by the module whatever form sent the names (in-memory H2, real schema). */
class CaseTeamTest {

	private static final Actor DIRECTOR = new Actor("director1", "director");

	private JdbcClient jdbc;
	private AuditCases cases;
	private CaseTeam team;
	private AuditCase hospital;

	@BeforeEach
	void schema() throws Exception {
		JdbcDataSource ds = MigratedH2.dataSource("team");
		jdbc = JdbcClient.create(ds);
		Clock clock = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), Deadlines.BUREAU_ZONE);
		var ctor = EnforcementRecord.class.getDeclaredConstructor(JdbcClient.class, Clock.class);
		ctor.setAccessible(true);
		EnforcementRecord record = ctor.newInstance(jdbc, clock);
		cases = new AuditCases(jdbc, clock, new CaseNumbers(jdbc), new Jurisdiction("淄博市医疗保障局", List.of("3703")),
				record, e -> { });
		Officers officers = new Officers(jdbc, clock);
		team = new CaseTeam(jdbc, clock, cases, officers, CasesProperties.defaults());
		pool("JC1", true, "");
		pool("JC2", true, "H37030300011;H37030300099");
		pool("JC3", false, "");
		officers.remember(new CaseViewer("inspector1", "张伟", Set.of(Role.INSPECTOR), List.of("370303"), "JC1"));
		officers.remember(new CaseViewer("inspector2", "李娜", Set.of(Role.INSPECTOR), List.of("370302"), "JC2"));
		officers.remember(new CaseViewer("inspector3", "王五", Set.of(Role.INSPECTOR), List.of("370302"), "JC3"));
		officers.remember(new CaseViewer("inspector4", "赵六", Set.of(Role.INSPECTOR), List.of(), null));
		officers.remember(new CaseViewer("analyst1", "陈静", Set.of(Role.ANALYST), List.of(), "JC1"));
		hospital = cases.open(new NewCase(SubjectType.INSTITUTION, "H37030300011", "淄博市第一医院", "370303",
				CaseSource.MANUAL, null, BigDecimal.TEN, "", OffsetDateTime.now(clock), DIRECTOR));
	}

	private void pool(String id, boolean active, String conflicts) {
		jdbc.sql("insert into inspection_inspector (inspector_id, name, unit, region, certificate_no, active, conflicts, "
				+ "updated_at) values (?, ?, '分局', '370303', 'C', ?, ?, current_timestamp)")
			.params(id, id, active, conflicts)
			.update();
	}

	@Test
	void aPoolInspectorWithoutConflictIsAssignedAsLeadAndTheCaseIsUnderInvestigation() {
		List<CaseTeam.Assignee> assigned = team.assign(hospital.id(), List.of("inspector1"), false, DIRECTOR);

		assertThat(assigned).extracting(CaseTeam.Assignee::username, CaseTeam.Assignee::role)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("inspector1", "LEAD"));
		assertThat(cases.find(hospital.id()).orElseThrow().status()).isEqualTo(CaseStatus.INVESTIGATING);
		assertThat(new EnforcementRecordView().last()).contains("指派检查员：张伟（JC1）", "书面审查");
	}

	@Test
	void onSiteWorkNeedsAtLeastTwoInspectors() {
		assertThatThrownBy(() -> team.assign(hospital.id(), List.of("inspector1", "inspector1"), true, DIRECTOR))
			.hasMessageContaining("现场检查须至少 2 名执法人员");
	}

	@Test
	void anInspectorWithADeclaredConflictIsRefused() {
		assertThatThrownBy(() -> team.assign(hospital.id(), List.of("inspector1", "inspector2"), true, DIRECTOR))
			.hasMessageContaining("李娜 已声明与 淄博市第一医院（H37030300011）存在利害关系，应当回避");
		assertThat(team.assignees(hospital.id())).isEmpty();
	}

	@Test
	void onlyActivePoolInspectorsWithTheInspectorRoleCanBeAssigned() {
		assertThatThrownBy(() -> team.assign(hospital.id(), List.of("inspector3"), false, DIRECTOR)).hasMessageContaining("停用");
		assertThatThrownBy(() -> team.assign(hospital.id(), List.of("inspector4"), false, DIRECTOR)).hasMessageContaining("inspector_id");
		assertThatThrownBy(() -> team.assign(hospital.id(), List.of("analyst1"), false, DIRECTOR)).hasMessageContaining("不是检查员");
		assertThatThrownBy(() -> team.assign(hospital.id(), List.of("nobody"), false, DIRECTOR)).hasMessageContaining("尚未登录过");
	}

	@Test
	void aRegionCodeEndingInZerosCoversItsWholePrefecture() {
		assertThat(CaseViewer.prefixOf("370300")).isEqualTo("3703");
		assertThat(CaseViewer.prefixOf("370000")).isEqualTo("37");
		assertThat(CaseViewer.prefixOf("370303")).isEqualTo("370303");
	}

	/** The newest record entry's detail. */
	private final class EnforcementRecordView {
		String last() {
			return jdbc.sql("select detail from enforcement_record where case_id = ? order by seq desc fetch first 1 rows only")
				.param(hospital.id())
				.query(String.class)
				.single();
		}
	}

}
