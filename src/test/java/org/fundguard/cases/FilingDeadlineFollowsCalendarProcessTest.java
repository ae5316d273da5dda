package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.fundguard.calendar.CalendarChanged;
import org.fundguard.calendar.CalendarDay;
import org.fundguard.calendar.CalendarDays;
import org.fundguard.calendar.CalendarFile;
import org.fundguard.calendar.CalendarYear;
import org.fundguard.calendar.DayKind;
import org.fundguard.calendar.DeadlineRecomputations;
import org.fundguard.calendar.Deadlines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.calendar.YearStatus;
import org.fundguard.cases.CaseDeadlines.Kind;
import org.fundguard.cases.process.CaseSteps;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.deadlines.RunningDeadlines;
import org.fundguard.support.TestEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A running audit case on bpmn/audit-case.bpmn, its filing deadline counted over the provisional 2027, when 2027's
 * notice brings a make-up Saturday: the director's task due date, the overdue timer and the reminder timer all move a
 * working day earlier, re-evaluated from the model's own expressions, each move recorded; once the deadline has passed
 * nothing moves. The case module behind the glue counts from the lead's arrival on the calendar as it stands.
 */
class FilingDeadlineFollowsCalendarProcessTest {

	/** The lead arrived on Friday 2027-01-22 at 09:00 in Zibo. */
	private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2027-01-22T09:00+08:00");
	/** Monday 2027-01-25, 10:00 in Zibo. */
	private static final Instant MONDAY = Instant.parse("2027-01-25T02:00:00Z");
	/** 15 working days after 01-22 over the statutory 2027 (春节 02-05 to 02-08): Tuesday 02-16, ending at midnight. */
	private static final Instant DUE_PROVISIONAL = Instant.parse("2027-02-16T16:00:00Z");
	/** With Saturday 01-30 worked, the 15th working day is Monday 02-15. */
	private static final Instant DUE_OFFICIAL = Instant.parse("2027-02-15T16:00:00Z");

	private static ProcessEngine engine;

	private final AtomicReference<CalendarDays> days = new AtomicReference<>(CalendarFile.seed().current());
	private final CaseDeadlines caseDeadlines = mock(CaseDeadlines.class);
	private final List<String> recorded = new ArrayList<>();

	@BeforeAll
	static void engine() throws Exception {
		engine = TestEngines.inMemory("filing-deadline-follows-calendar");
		var deployment = engine.getRepositoryService().createDeployment()
			.addInputStream("audit-case.bpmn", Files.newInputStream(Path.of("bpmn/audit-case.bpmn")))
			.addClasspathResource("cases/penalty-procedure-stub.bpmn");
		try (Stream<Path> forms = Files.list(Path.of("forms"))) {
			for (Path form : forms.filter(f -> f.getFileName().toString().startsWith("audit-case-")).toList()) {
				deployment.addInputStream(form.getFileName().toString(), Files.newInputStream(form));
			}
		}
		deployment.deploy();
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@AfterEach
	void reset() {
		Mocks.reset();
		ClockUtil.reset();
		engine.getRuntimeService().createProcessInstanceQuery().list()
			.forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test over"));
	}

	/** The case module as it counts: from the lead's arrival, on the calendar as it stands now. */
	private Deadlines caseModuleAt(Instant now) {
		ClockUtil.setCurrentTime(Date.from(now));
		Deadlines deadlines = new Deadlines(new WorkingCalendar(days::get), Clock.fixed(now, Deadlines.BUREAU_ZONE));
		when(caseDeadlines.due(anyLong(), eq(Kind.FILING)))
			.thenAnswer(call -> deadlines.afterWorkingDays(RECEIVED, 15));
		when(caseDeadlines.reminderAt(anyLong(), eq(Kind.FILING)))
			.thenAnswer(call -> deadlines.reminderBefore(deadlines.afterWorkingDays(RECEIVED, 15), 2));
		TaskGateway gateway = new TaskGateway(engine.getTaskService(), engine.getRuntimeService(), engine.getFormService(),
				engine.getIdentityService(), deadlines, engine.getAuthorizationService());
		Mocks.register("caseSteps", new CaseSteps(gateway, mock(CaseDecisions.class), mock(CaseTeam.class),
				mock(CaseInvestigation.class), caseDeadlines, mock(CaseOutcomes.class)));
		return deadlines;
	}

	private ProcessInstance start(long caseId) {
		String number = "370300-2027-00000" + caseId;
		return engine.getRuntimeService().startProcessInstanceByKey(AuditCaseVariables.PROCESS, number,
				Map.of(AuditCaseVariables.CASE_ID, caseId, AuditCaseVariables.CASE_NUMBER, number));
	}

	/** 2027 as its notice would give it: the statutory days plus a make-up Saturday, official. */
	private void importTwentyTwentySevenWithAMakeUpSaturday() {
		List<CalendarYear> years = new ArrayList<>(days.get().years().values());
		CalendarYear provisional = days.get().years().get(2027);
		List<CalendarDay> withSaturday = new ArrayList<>(provisional.days());
		withSaturday.add(new CalendarDay(LocalDate.of(2027, 1, 30), DayKind.WORKDAY, "春节调休", "测试通知"));
		years.removeIf(y -> y.year() == 2027);
		years.add(new CalendarYear(2027, YearStatus.OFFICIAL, "测试通知", withSaturday));
		days.set(new CalendarDays(years));
	}

	private RunningDeadlines.Result followCalendar(Instant now) {
		DeadlineRecomputations log = new DeadlineRecomputations() {
			@Override
			public void record(CalendarChanged cause, String subject, String deadline, Date from, Date to) {
				recorded.add(subject + " | " + deadline + " | " + from.toInstant() + " -> " + to.toInstant());
			}

			@Override
			public List<Recomputation> of(long changeId) {
				return List.of();
			}
		};
		return new RunningDeadlines(engine, log, Clock.fixed(now, Deadlines.BUREAU_ZONE))
			.follow(new CalendarChanged(1, Set.of(2027), "导入 2027 年日历"));
	}

	private Date timer(ProcessInstance p, String activityId) {
		Job job = engine.getManagementService().createJobQuery().processInstanceId(p.getId()).timers().list().stream()
			.filter(j -> activityId.equals(engine.getManagementService().createJobDefinitionQuery()
				.jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId()))
			.findFirst().orElseThrow();
		return job.getDuedate();
	}

	private Date taskDue(ProcessInstance p) {
		return engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).singleResult().getDueDate();
	}

	@Test
	void aMakeUpSaturdayMovesTheRunningFilingDeadlineItsTimerAndItsReminder() {
		caseModuleAt(MONDAY);
		ProcessInstance p = start(1);
		assertThat(taskDue(p).toInstant()).isEqualTo(DUE_PROVISIONAL);
		assertThat(timer(p, "Event_FilingOverdue").toInstant()).isEqualTo(DUE_PROVISIONAL);
		assertThat(timer(p, "Event_FilingReminderDue").toInstant()).as("09:00 on Friday 02-12")
			.isEqualTo(Instant.parse("2027-02-12T01:00:00Z"));

		importTwentyTwentySevenWithAMakeUpSaturday();
		RunningDeadlines.Result result = followCalendar(MONDAY);

		assertThat(taskDue(p).toInstant()).isEqualTo(DUE_OFFICIAL);
		assertThat(timer(p, "Event_FilingOverdue").toInstant()).isEqualTo(DUE_OFFICIAL);
		assertThat(timer(p, "Event_FilingReminderDue").toInstant()).as("09:00 on Thursday 02-11")
			.isEqualTo(Instant.parse("2027-02-11T01:00:00Z"));
		assertThat(result).isEqualTo(new RunningDeadlines.Result(3, 0));
		assertThat(recorded).hasSize(3).allSatisfy(r -> assertThat(r).startsWith("稽核案件 370300-2027-000001"))
			.anySatisfy(r -> assertThat(r).contains("定时器“立案审查已超期”", DUE_PROVISIONAL + " -> " + DUE_OFFICIAL))
			.anySatisfy(r -> assertThat(r).contains("任务“立案审查”截止时间", DUE_PROVISIONAL + " -> " + DUE_OFFICIAL));
	}

	@Test
	void aDeadlineThatHasPassedIsLeftAlone() {
		caseModuleAt(MONDAY);
		ProcessInstance p = start(2);
		Instant afterTheDeadline = Instant.parse("2027-02-17T02:00:00Z");
		caseModuleAt(afterTheDeadline);

		importTwentyTwentySevenWithAMakeUpSaturday();
		RunningDeadlines.Result result = followCalendar(afterTheDeadline);

		assertThat(result).isEqualTo(new RunningDeadlines.Result(0, 0));
		assertThat(recorded).isEmpty();
		assertThat(taskDue(p).toInstant()).isEqualTo(DUE_PROVISIONAL);
		assertThat(timer(p, "Event_FilingOverdue").toInstant()).isEqualTo(DUE_PROVISIONAL);
	}
}
