package org.fundguard.selfinspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.fundguard.support.ProcessTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path through bpmn/self-inspection.bpmn: institutions report in time, one misses the deadline (the timer marks
 * it not reported), the director closes it once all are done; the task is offered to the institution's own group
 * only. The real glue ({@link SelfInspectionSteps}) runs with the real task gateway and the forms; the module behind
 * it is a stand-in (its behaviour on the database is {@code SelfInspectionsTest}'s).
 */
@Deployment(resources = { "bpmn/self-inspection.bpmn", "forms/self-inspection-report.form",
		"forms/self-inspection-close.form" })
class SelfInspectionProcessTest {

	@RegisterExtension
	static ProcessEngineExtension engine = ProcessEngineExtension.builder()
		.configurationResource("camunda-selfinspection-process-tests.cfg.xml")
		.build();

	static final long ID = 5L;
	static final CurrentUser INSTITUTION1 = new CurrentUser("institution1", "一院", Set.of(Role.INSTITUTION), "H001");
	static final CurrentUser INSTITUTION2 = new CurrentUser("institution2", "二院", Set.of(Role.INSTITUTION), "H002");
	static final CurrentUser DIRECTOR = new CurrentUser("director1", "刘强", Set.of(Role.DIRECTOR));

	private final SelfInspections module = mock(SelfInspections.class);
	private final Date deadline = new Deadlines(new WorkingCalendar(), Clock.systemUTC()).workingDaysFromNow(10);
	private TaskGateway gateway;

	@BeforeEach
	void glue() {
		gateway = ProcessTests.begin(engine.getProcessEngine());
		Mocks.register("selfInspectionSteps", new SelfInspectionSteps(gateway, module));
		when(module.deadline(ID)).thenReturn(deadline);
		when(module.reportIds(ID)).thenReturn(List.of(11L, 12L));
		when(module.report(11L)).thenReturn(report(11L, "H001"));
		when(module.report(12L)).thenReturn(report(12L, "H002"));
	}

	@AfterAll
	static void unregisterEngine() {
		ProcessTests.unregister(engine.getProcessEngine());
	}

	@AfterEach
	void reset() {
		ProcessTests.end(engine.getProcessEngine());
	}

	@Test
	void eachInstitutionInScopeGetsItsOwnTaskOfferedToItsGroupOnlyDueAtTheDeadline() {
		launch();

		List<WorkItem> tasks = open("Task_ReportSelfInspection");
		assertThat(tasks).hasSize(2);
		assertThat(tasks).extracting(t -> t.candidateGroups().getFirst())
			.containsExactlyInAnyOrder("institution-H001", "institution-H002");
		assertThat(Date.from(tasks.getFirst().due().toInstant())).isEqualTo(deadline);
		assertThat(gateway.openFor(INSTITUTION1, SelfInspectionVariables.KEY)).hasSize(1)
			.allSatisfy(t -> assertThat(t.candidateGroups()).containsExactly("institution-H001"));
		WorkItem theOther = tasks.stream().filter(t -> t.candidateGroups().contains("institution-H002")).findFirst().orElseThrow();
		assertThatThrownBy(() -> gateway.complete(theOther.id(), INSTITUTION1, Map.of("found", "无")))
			.isInstanceOf(Refused.class);
		verify(module, never()).answer(anyLong(), any(), any(), any(), any(), any());
	}

	/** Camunda Tasklist submits whatever variables a form posts: its own task with another's reportId files nothing. */
	@Test
	void aTasklistSubmissionWithAnotherInstitutionsReportIdFilesNothing() {
		launch();
		WorkItem own = gateway.openFor(INSTITUTION1, SelfInspectionVariables.KEY).getFirst();

		assertThatThrownBy(() -> engine.getProcessEngine().getFormService().submitTaskForm(own.id(),
				Map.of("found", "无", SelfInspectionVariables.REPORT_ID, 12L))).hasMessageContaining("不属于本机构");
		verify(module, never()).answer(anyLong(), any(), any(), any(), any(), any());
		assertThat(open("Task_ReportSelfInspection")).hasSize(2);
	}

	@Test
	void institutionsThatReportInTimeLetTheDirectorCloseIt() {
		ProcessInstance instance = launch();

		report(INSTITUTION1, Map.of("found", "超限价收费 3 笔", "reportedHits", "price-over-ceiling|S1|2026-01-01..2026-06-30",
				"refunded", "1200.50"));
		report(INSTITUTION2, Map.of("found", "未发现问题"));

		verify(module).answer(11L, "超限价收费 3 笔", List.of("price-over-ceiling|S1|2026-01-01..2026-06-30"), List.of(),
				new BigDecimal("1200.50"), "institution1");
		verify(module).answer(12L, "未发现问题", List.of(), List.of(), null, "institution2");
		assertThat(instance).hasPassed("Event_Reported").isWaitingAt("Task_CloseSelfInspection");
		WorkItem close = open("Task_CloseSelfInspection").getFirst();
		assertThat(close.candidateGroups()).containsExactly("director");
		// the two institutions' answers stayed in their own sub-process: nothing leaks to the process level
		assertThat(runtimeService().getVariable(instance.getId(), "found")).isNull();

		gateway.complete(close.id(), DIRECTOR, Map.of("closingNote", "两家均已报告"));
		verify(module).close(ID, "两家均已报告", "director1");
		assertThat(instance).hasPassed("Event_SelfInspectionClosed").isEnded();
		verify(module, never()).markOverdue(anyLong());
	}

	@Test
	void anInstitutionThatMissesTheDeadlineIsMarkedNotReported() {
		ProcessInstance instance = launch();
		report(INSTITUTION1, Map.of("found", "未发现问题"));

		Job timer = managementService().createJobQuery().timers().singleResult();
		assertThat(timer.getDuedate()).isEqualTo(deadline);
		execute(timer);

		verify(module).markOverdue(12L);
		verify(module, never()).markOverdue(11L);
		assertThat(instance).hasPassed("Event_DeadlinePassed", "Task_MarkNotReported", "Event_NotReported")
			.isWaitingAt("Task_CloseSelfInspection");
		assertThat(open("Task_ReportSelfInspection")).isEmpty();
	}

	@Test
	void aReportTheModuleRefusesStaysOpenAndTheInstitutionReadsWhy() {
		launch();
		doThrow(Refused.because("selfinspections.report.refund-without-rule")).when(module)
			.answer(eq(11L), any(), any(), any(), any(), any());

		assertThatThrownBy(() -> report(INSTITUTION1, Map.of("found", "有问题", "refunded", "100")))
			.isExactlyInstanceOf(Refused.class);
		assertThat(open("Task_ReportSelfInspection")).hasSize(2);
	}

	private ProcessInstance launch() {
		return runtimeService().startProcessInstanceByKey(SelfInspectionVariables.KEY, SelfInspections.subject(ID),
				Map.of(SelfInspectionVariables.SELF_INSPECTION_ID, ID, SelfInspectionVariables.SELF_INSPECTION_NAME, "2026 年超标准收费自查"));
	}

	private void report(CurrentUser institution, Map<String, String> form) {
		WorkItem task = gateway.openFor(institution, SelfInspectionVariables.KEY).getFirst();
		gateway.complete(task.id(), institution, form);
	}

	private List<WorkItem> open(String key) {
		return gateway.openOf(SelfInspections.subject(ID), SelfInspectionVariables.KEY).stream()
			.filter(t -> t.key().equals(key)).toList();
	}

	private static InstitutionReport report(long id, String provider) {
		return new InstitutionReport(id, ID, provider, provider, InstitutionReport.Status.AWAITING, null, List.of(),
				List.of(), null, null, null);
	}
}
