package org.fundguard.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.support.TestEngines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task gateway on a real in-memory engine: who may claim and complete, which values a completion may set and how
 * they are typed, what a listener reads back through {@link TaskGateway#values} inside the completion, and that a
 * listener's refusal reaches the caller as itself.
 */
class TaskGatewayTest {

	/** Monday 2026-11-23 10:00 in the bureau's zone. */
	private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
	private static final CurrentUser DIRECTOR = new CurrentUser("director1", "刘强", Set.of(Role.DIRECTOR));
	private static final CurrentUser OTHER_DIRECTOR = new CurrentUser("director2", "王五", Set.of(Role.DIRECTOR));
	private static final CurrentUser INSPECTOR = new CurrentUser("inspector1", "张伟", Set.of(Role.INSPECTOR));
	private static final CurrentUser INSPECTOR2 = new CurrentUser("inspector2", "李娜", Set.of(Role.INSPECTOR));

	private static ProcessEngine engine;
	/** A module's rule, as TaskExclusions: director2 may not take subject S-9's decision (he worked on it before). */
	private static final Set<String> BARRED = Set.of("director2");

	private final Deadlines deadlines = new Deadlines(new WorkingCalendar(), Clock.fixed(NOW, Deadlines.BUREAU_ZONE));
	private TaskGateway gateway;
	private final Listener listener = new Listener();

	/** The glue a model's listener would call: ids in, the form's values read through the gateway. */
	public class Listener {
		final List<TaskValues> seen = new ArrayList<>();
		boolean refuse;

		public void decided(long subjectId, String taskId) {
			TaskValues values = gateway.values(taskId);
			assertThat(values.id("subjectId")).isEqualTo(subjectId);
			seen.add(values);
			if (refuse) {
				throw Refused.because("process.task.not-yours");
			}
		}
	}

	@BeforeAll
	static void engine() {
		engine = TestEngines.inMemory("task-gateway-test", new EveryCompletionChecked(),
				new BarredUsers(List.of(task -> "S-9".equals(task.variables().get("subjectNumber")) ? BARRED : Set.of())));
		engine.getRepositoryService().createDeployment()
			.addClasspathResource("gateway/gateway-test.bpmn")
			.addClasspathResource("gateway/gateway-test-decide.form")
			.addClasspathResource("gateway/gateway-test-follow-up.form")
			.deploy();
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@BeforeEach
	void gateway() {
		gateway = new TaskGateway(engine.getTaskService(), engine.getRuntimeService(), engine.getFormService(),
				engine.getIdentityService(), deadlines, engine.getAuthorizationService());
		Mocks.register("listener", listener);
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		engine.getRuntimeService().createProcessInstanceQuery().list()
			.forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test over"));
	}

	private String start(long subjectId, Date due) {
		engine.getRuntimeService().startProcessInstanceByKey("gateway-test", "S-" + subjectId,
				Map.of("subjectId", subjectId, "subjectNumber", "S-" + subjectId, "due", due));
		return gateway.openOf("S-" + subjectId).getFirst().id();
	}

	@Test
	void aRoleTaskIsListedForTheRoleWithItsSubjectAndWorkingDaysLeftAndOverdueOnesComeFirst() {
		String later = start(1, deadlines.afterWorkingDays(Date.from(NOW), 5));
		String overdue = start(2, Date.from(NOW.minusSeconds(3600)));

		List<WorkItem> mine = gateway.openFor(DIRECTOR);

		assertThat(mine).extracting(WorkItem::id).containsExactly(overdue, later);
		WorkItem first = mine.getFirst();
		assertThat(first.subject()).isEqualTo("S-2");
		assertThat(first.processKey()).isEqualTo("gateway-test");
		assertThat(first.key()).isEqualTo("Task_Decide");
		assertThat(first.overdue()).isTrue();
		assertThat(mine.get(1).workingDaysLeft()).isEqualTo(5);
		assertThat(mine.get(1).due().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
		assertThat(first.claimable(DIRECTOR)).isTrue();
		assertThat(gateway.openFor(INSPECTOR)).isEmpty();
	}

	@Test
	void onlySomeoneTheTaskIsOfferedToMayClaimItAndOnlyWhileNobodyHoldsIt() {
		String task = start(3, Date.from(NOW.plusSeconds(86_400)));

		assertThatThrownBy(() -> gateway.claim(task, INSPECTOR)).isInstanceOf(Refused.class)
			.extracting(e -> ((Refused) e).reason()).isEqualTo(Refused.Reason.FORBIDDEN);
		gateway.claim(task, DIRECTOR);
		assertThat(gateway.find(task).orElseThrow().mine(DIRECTOR)).isTrue();
		assertThatThrownBy(() -> gateway.claim(task, OTHER_DIRECTOR)).isInstanceOf(Refused.class)
			.hasMessage("任务已由 director1 认领");
		assertThatThrownBy(() -> gateway.complete(task, OTHER_DIRECTOR, Map.of("decision", "approve")))
			.isInstanceOf(Refused.class).hasMessageContaining("director1");
		gateway.release(task, DIRECTOR);
		assertThat(gateway.find(task).orElseThrow().assignee()).isNull();
	}

	@Test
	void aCompletionSetsOnlyTheFormsFieldsTypedAsTasklistTypesThemAndTheListenerReadsThemAsTheWorker() {
		String task = start(4, Date.from(NOW.plusSeconds(86_400)));

		gateway.complete(task, DIRECTOR, Map.of("decision", "approve", "amount", "1234.5", "urgent", "on", "day",
				"2026-11-30", "opinion", " 同意 ", "subjectNumber", "forged", "subjectId", "99", "injected", "x"));

		TaskValues values = listener.seen.getFirst();
		assertThat(values.userId()).isEqualTo("director1");
		assertThat(values.offeredTo()).contains("director");
		assertThat(values.text("decision")).isEqualTo("approve");
		assertThat(values.decimal("amount", "金额")).isEqualByComparingTo(new BigDecimal("1234.50"));
		assertThat(values.bool("urgent")).isTrue();
		assertThat(values.date("day", "日期")).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(values.text("opinion")).isEqualTo("同意");
		assertThat(values.text("subjectNumber")).isEqualTo("S-4");
		assertThat(values.id("subjectId")).isEqualTo(4);
		assertThat(values.raw("injected")).isNull();
		WorkItem next = gateway.openOf("S-4").getFirst();
		assertThat(next.key()).isEqualTo("Task_FollowUp");
		assertThat(next.candidateUsers()).containsExactly("inspector1");
	}

	@Test
	void aRequiredFieldAChoiceTheFormDoesNotOfferAndANumberThatIsNoneAreRefusedInTheUsersWords() {
		String task = start(5, Date.from(NOW.plusSeconds(86_400)));

		assertThatThrownBy(() -> gateway.complete(task, DIRECTOR, Map.of())).isInstanceOf(Refused.class)
			.hasMessage("请填写“决定”");
		assertThatThrownBy(() -> gateway.complete(task, DIRECTOR, Map.of("decision", "maybe")))
			.hasMessage("“决定”不能取值“maybe”");
		assertThatThrownBy(() -> gateway.complete(task, DIRECTOR, Map.of("decision", "approve", "amount", "十元")))
			.hasMessage("“金额（元）”应为数字：十元");
		assertThat(listener.seen).isEmpty();
	}

	@Test
	void aListenersRefusalReachesTheCallerAsItselfAndTheTaskStaysOpen() {
		String task = start(6, Date.from(NOW.plusSeconds(86_400)));
		listener.refuse = true;

		assertThatThrownBy(() -> gateway.complete(task, DIRECTOR, Map.of("decision", "return")))
			.isExactlyInstanceOf(Refused.class)
			.hasMessage("该任务不属于您或您的角色");
		assertThat(gateway.find(task)).isPresent();
	}

	@Test
	void aUserAModulesRuleBarsFromATaskIsNotOfferedItHereNorByCamundasAuthorizationsThoughHisRoleIs() {
		String barred = start(9, Date.from(NOW.plusSeconds(86_400)));
		String other = start(10, Date.from(NOW.plusSeconds(86_400)));

		assertThat(gateway.openFor(OTHER_DIRECTOR)).extracting(WorkItem::id).contains(other).doesNotContain(barred);
		assertThat(gateway.openFor(DIRECTOR)).extracting(WorkItem::id).contains(barred, other);
		WorkItem item = gateway.find(barred).orElseThrow();
		assertThat(item.barredUsers()).containsExactly("director2");
		assertThat(item.claimable(OTHER_DIRECTOR)).isFalse();
		assertThat(item.claimable(DIRECTOR)).isTrue();
		// Camunda Tasklist lists a task for a user who may read it: director2's read is revoked on this task alone
		var revoked = engine.getAuthorizationService().createAuthorizationQuery()
			.authorizationType(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE)
			.userIdIn("director2")
			.list();
		assertThat(revoked).extracting(a -> a.getResourceId()).containsExactly(barred);
		assertThat(revoked.getFirst().isPermissionRevoked(org.camunda.bpm.engine.authorization.Permissions.READ)).isTrue();
	}

	@Test
	void aCompletionOutsideTheGatewayAsTasklistMakesItIsHeldToTheSameRuleOfWhoMayWorkTheTask() {
		String task = start(8, Date.from(NOW.plusSeconds(86_400)));
		var taskService = engine.getTaskService();
		var identity = engine.getIdentityService();

		identity.setAuthentication("inspector1", List.of("inspector"));
		try {
			assertThatThrownBy(() -> taskService.complete(task, Map.of("decision", "approve")))
				.satisfies(e -> assertThat(Refused.in(e)).get().extracting(Refused::key).isEqualTo("process.task.not-yours"));
			identity.setAuthentication("director2", List.of("director"));
			taskService.claim(task, "director1");
			assertThatThrownBy(() -> taskService.complete(task, Map.of("decision", "approve")))
				.satisfies(e -> assertThat(Refused.in(e)).get().extracting(Refused::key)
					.isEqualTo("process.task.not-claimed-by-you"));
			identity.setAuthentication("director1", List.of("director"));
			taskService.complete(task, Map.of("decision", "approve"));
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(gateway.openOf("S-8")).extracting(WorkItem::key).containsExactly("Task_FollowUp");
	}

	@Test
	void aTaskOfferedByNameIsListedClaimedAndCompletedByThatPersonOnly() {
		String task = start(7, Date.from(NOW.plusSeconds(86_400)));
		gateway.complete(task, DIRECTOR, Map.of("decision", "approve"));
		WorkItem followUp = gateway.openOf("S-7").getFirst();

		assertThat(gateway.openFor(INSPECTOR)).extracting(WorkItem::id).containsExactly(followUp.id());
		assertThat(gateway.openFor(INSPECTOR2)).isEmpty();
		assertThatThrownBy(() -> gateway.complete(followUp.id(), INSPECTOR2, Map.of())).isInstanceOf(Refused.class);
		gateway.complete(followUp.id(), INSPECTOR, Map.of("note", "已跟进"));
		assertThat(gateway.openOf("S-7")).isEmpty();
		assertThat(gateway.find(followUp.id())).isEmpty();
	}
}
