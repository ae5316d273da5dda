package org.fundguard.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.fundguard.identity.Role;
import org.fundguard.inspections.InspectorPool;
import org.fundguard.record.Actor;
import org.springframework.stereotype.Component;

/**
 * Cases and people for the integration tests, made through the modules' own API: the demo inspectors as the pool and
 * the officers table know them (as their sign-in would record them), cases of unique subjects, and the director's
 * first two tasks done.
 */
@Component
class CaseFixtures {

	static final Actor DIRECTOR = new Actor("director1", "director");

	private final AuditCases cases;
	private final Officers officers;
	private final InspectorPool pool;
	private final TaskService tasks;

	CaseFixtures(AuditCases cases, Officers officers, InspectorPool pool, TaskService tasks) {
		this.cases = cases;
		this.officers = officers;
		this.pool = pool;
		this.tasks = tasks;
	}

	/** inspector1 张伟 (Zhangdian 370303) and inspector2 李娜 (Zichuan 370302), as in the demo realm. */
	void demoInspectors(List<String> inspector1Conflicts) {
		pool.save("JC370303011", "张伟", "张店区医疗保障分局", "370303", "37030319100077", true, inspector1Conflicts);
		pool.save("JC370302015", "李娜", "淄川区医疗保障分局", "370302", "37030220100105", true, List.of());
		officers.remember(new CaseViewer("inspector1", "张伟", Set.of(Role.INSPECTOR), List.of("370303"), "JC370303011"));
		officers.remember(new CaseViewer("inspector2", "李娜", Set.of(Role.INSPECTOR), List.of("370302"), "JC370302015"));
		officers.remember(new CaseViewer("director1", "刘强", Set.of(Role.DIRECTOR), List.of(), null));
	}

	static String uniqueProvider(String regionCode) {
		return "H" + regionCode + String.format("%05d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000));
	}

	AuditCase open(String subjectKey, String subjectName, String region) {
		return cases.open(new NewCase(SubjectType.INSTITUTION, subjectKey, subjectName, region, CaseSource.MANUAL, null,
				new BigDecimal("12800.00"), "测试案件：重复收费", OffsetDateTime.now().minusDays(1), DIRECTOR));
	}

	/** The director files the case and assigns the inspectors, as Tasklist would (claim, then complete). */
	void fileAndAssign(AuditCase c, String inspectors, boolean onSite) {
		complete(c, "Task_DecideWhetherToFile", "director1", Map.of("filingDecision", "ACCEPT"));
		complete(c, "Task_AssignInspectors", "director1", Map.of("caseInspectors", inspectors, "onSiteCheck", onSite));
	}

	void complete(AuditCase c, String taskKey, String user, Map<String, Object> variables) {
		Task t = task(c, taskKey);
		tasks.claim(t.getId(), user);
		tasks.complete(t.getId(), variables);
	}

	Task task(AuditCase c, String taskKey) {
		return tasks.createTaskQuery().processInstanceBusinessKey(c.number()).taskDefinitionKey(taskKey).singleResult();
	}
}
