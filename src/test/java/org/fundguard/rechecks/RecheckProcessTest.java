package org.fundguard.rechecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.Deadlines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.WorkItem;
import org.fundguard.support.MutableClock;
import org.fundguard.support.ProcessTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through bpmn/re-check.bpmn with the clock under the test's control: the conclusion upheld, a problem
 * found and signed off by a director, the due date passing (noted overdue, the task stays), the task offered to the
 * inspectors' group when no drawn reviewer has signed in, and a non-reviewer refused. The real glue
 * ({@link RecheckSteps}) runs with the real task gateway and forms; {@link Rechecks} is a stand-in (its behaviour on
 * the database is {@code RecheckDrawIT}'s).
 */
@Deployment(resources = { "bpmn/re-check.bpmn", "forms/re-check-record.form", "forms/re-check-sign-off.form" })
class RecheckProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-recheck-process-tests.cfg.xml")
		.build();

	static final long ID = 7L;
	static final Instant START = Instant.parse("2026-12-07T02:00:00Z");
	static final CurrentUser REVIEWER = new CurrentUser("inspector1", "张三", Set.of(Role.INSPECTOR));
	static final CurrentUser HANDLER = new CurrentUser("inspector2", "李四", Set.of(Role.INSPECTOR));
	static final CurrentUser DIRECTOR = new CurrentUser("director1", "刘强", Set.of(Role.DIRECTOR));

	private final Rechecks module = mock(Rechecks.class);
	private final MutableClock clock = new MutableClock(START);
	private Date due;
	private TaskGateway gateway;

	@BeforeEach
	void glue() {
		org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(engine.getProcessEngine());
		clock.set(START);
		Deadlines deadlines = new Deadlines(new WorkingCalendar(), clock);
		due = deadlines.workingDaysFromNow(20);
		gateway = ProcessTests.gatewayOf(engine.getProcessEngine(), deadlines);
		Mocks.register("recheckSteps", new RecheckSteps(gateway, module));
		when(module.due(ID)).thenReturn(due);
		when(module.reviewerUsers(ID)).thenReturn(List.of("inspector1"));
		when(module.fallbackGroups(ID)).thenReturn(List.of());
	}

	@AfterAll
	static void unregisterEngine() {
		ProcessTests.unregister(engine.getProcessEngine());
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		ClockUtil.reset();
		org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.reset();
	}

	@Test
	void anUpheldConclusionEndsTheRecheckAndOnlyTheDrawnReviewerIsOffered() {
		ProcessInstance instance = start();

		WorkItem task = only("Task_RecordRecheckOutcome");
		assertThat(taskService().getIdentityLinksForTask(task.id())).extracting(IdentityLink::getUserId)
			.containsExactly("inspector1");
		assertThat(Date.from(task.due().toInstant())).isEqualTo(due);
		assertThat(gateway.openFor(REVIEWER, RecheckVariables.KEY)).extracting(WorkItem::id).containsExactly(task.id());
		assertThat(gateway.openFor(HANDLER, RecheckVariables.KEY)).isEmpty();

		gateway.complete(task.id(), REVIEWER, Map.of("recheckOutcome", "UPHELD"));

		verify(module).record(ID, RecheckOutcome.UPHELD, "", "inspector1");
		verify(module, never()).signOff(anyLong(), any());
		assertThat(instance).hasPassed("Event_ConclusionUpheld").isEnded();
	}

	@Test
	void aProblemFoundGoesToTheDirectorsSignOff() {
		ProcessInstance instance = start();
		when(module.needsSignOff(ID)).thenReturn(true);

		gateway.complete(only("Task_RecordRecheckOutcome").id(), REVIEWER,
				Map.of("recheckOutcome", "CORRECTION", "recheckNote", "认定金额少计 1200 元"));

		verify(module).record(ID, RecheckOutcome.CORRECTION, "认定金额少计 1200 元", "inspector1");
		assertThat(instance).isWaitingAt("Task_SignOffRecheckCorrection");
		WorkItem signOff = only("Task_SignOffRecheckCorrection");
		assertThat(signOff.candidateGroups()).containsExactly("director");
		assertThat(gateway.openFor(REVIEWER, RecheckVariables.KEY)).isEmpty();

		gateway.complete(signOff.id(), DIRECTOR, Map.of("signOffOpinion", "同意，责令纠正"));

		verify(module).signOff(ID, "director1");
		assertThat(instance).hasPassed("Event_CorrectionOrdered").isEnded();
	}

	@Test
	void whenTheRecheckFallsDueItIsNotedOverdueAndTheTaskStays() {
		ProcessInstance instance = start();
		Job timer = managementService().createJobQuery().timers().singleResult();
		assertThat(timer.getDuedate()).isEqualTo(due);
		assertThat(managementService().createJobQuery().timers().executable().count()).isZero();

		clock.advance(Duration.between(START, due.toInstant()).plusMinutes(1));
		assertThat(managementService().createJobQuery().timers().executable().count()).isOne();
		execute(timer);

		verify(module).markOverdue(ID);
		assertThat(instance).hasPassed("Task_NoteRecheckOverdue", "Event_OverdueNoted").isWaitingAt("Task_RecordRecheckOutcome");
		gateway.complete(only("Task_RecordRecheckOutcome").id(), REVIEWER, Map.of("recheckOutcome", "UPHELD"));
		assertThat(instance).isEnded();
	}

	@Test
	void withNoDrawnReviewerSignedInTheInspectorsGroupIsOffered() {
		when(module.reviewerUsers(ID)).thenReturn(List.of());
		when(module.fallbackGroups(ID)).thenReturn(List.of(Role.INSPECTOR.id()));
		start();

		WorkItem task = only("Task_RecordRecheckOutcome");
		assertThat(task.candidateGroups()).containsExactly("inspector");
		gateway.complete(task.id(), HANDLER, Map.of("recheckOutcome", "UPHELD"));
		verify(module).record(ID, RecheckOutcome.UPHELD, "", "inspector2");
	}

	@Test
	void aTasklistSubmissionBySomeoneNotDrawnRecordsNothing() {
		start();
		WorkItem task = only("Task_RecordRecheckOutcome");

		assertThatThrownBy(() -> {
			engine.getProcessEngine().getIdentityService().setAuthenticatedUserId("inspector2");
			try {
				engine.getProcessEngine().getFormService().submitTaskForm(task.id(), Map.of("recheckOutcome", "UPHELD"));
			}
			finally {
				engine.getProcessEngine().getIdentityService().clearAuthentication();
			}
		}).hasMessageContaining("抽中的复查人员");
		verify(module, never()).record(anyLong(), any(), any(), any());
	}

	@Test
	void anOutcomeTheModuleRefusesKeepsTheTaskOpen() {
		start();
		doThrow(Refused.because("rechecks.item.note-required")).when(module).record(ID, RecheckOutcome.CORRECTION, "",
				"inspector1");

		assertThatThrownBy(() -> gateway.complete(only("Task_RecordRecheckOutcome").id(), REVIEWER,
				Map.of("recheckOutcome", "CORRECTION"))).isExactlyInstanceOf(Refused.class);
		assertThat(only("Task_RecordRecheckOutcome")).isNotNull();
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(RecheckVariables.KEY, Rechecks.subject(ID),
				Map.of(RecheckVariables.RECHECK_ITEM_ID, ID, RecheckVariables.RECHECK_SUBJECT, "案件 3703-2026-0001"));
	}

	private WorkItem only(String key) {
		List<WorkItem> open = gateway.openOf(Rechecks.subject(ID), RecheckVariables.KEY).stream()
			.filter(t -> t.key().equals(key))
			.toList();
		assertThat(open).hasSize(1);
		return open.getFirst();
	}
}
