package org.fundguard.focus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.calendar.Deadlines;
import org.fundguard.calendar.WorkingCalendar;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.identity.Role;
import org.fundguard.inspections.Inspection;
import org.fundguard.inspections.InspectionPlans;
import org.fundguard.inspections.InspectionProcess;
import org.fundguard.inspections.Inspections;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.fundguard.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The module's own rules, the store and the engine stood in for: which leads open a focused inspection (a fund lead of
 * the fund rules, in the bureau's regions, by an analyst or a director), once per lead; when a plan counts as done;
 * who signs off.
 */
class FocusedInspectionsTest {

	static final CurrentUser ANALYST = new CurrentUser("analyst1", "分析员", Set.of(Role.ANALYST));
	static final CurrentUser INSPECTOR = new CurrentUser("inspector1", "检查员", Set.of(Role.INSPECTOR));

	private final FocusStore store = mock(FocusStore.class);
	private final Leads leads = mock(Leads.class);
	private final Inspections inspections = mock(Inspections.class);
	private final RuntimeService runtime = mock(RuntimeService.class, org.mockito.Answers.RETURNS_DEEP_STUBS);
	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T02:00:00Z"));
	private final org.springframework.context.ApplicationEventPublisher events = mock(org.springframework.context.ApplicationEventPublisher.class);
	private FocusedInspections focus;

	@BeforeEach
	void setUp() {
		focus = new FocusedInspections(store, leads, new Jurisdiction("淄博市医疗保障局", List.of("3703")),
				mock(InspectionProcess.class), mock(InspectionPlans.class), inspections, runtime,
				new Deadlines(new WorkingCalendar(), clock), new FocusProperties(10, 5, 10, 10, 5, 250), clock, events);
		when(leads.find(anyString())).thenReturn(Optional.empty());
	}

	@Test
	void aFundLeadOfTheFundRulesOpensOneFocusedInspectionOnce() {
		lead("L1", "fund", "370300|310", "expenditure-growth,reserve-months");
		when(store.ofLead("L1")).thenReturn(Optional.empty(), Optional.of(focused(9, FocusStatus.ANALYSING)));
		when(store.create(eq("L1"), eq("370300"), eq("310"), eq(List.of("expenditure-growth", "reserve-months")), any(), any(),
				eq("analyst1"), any())).thenReturn(Optional.of(9L));
		when(store.find(9)).thenReturn(Optional.of(focused(9, FocusStatus.ANALYSING)));

		assertThat(focus.open("L1", ANALYST)).isEqualTo(new FocusedInspections.Opening(9, true));
		assertThat(focus.open("L1", ANALYST)).isEqualTo(new FocusedInspections.Opening(9, false));
		verify(runtime).startProcessInstanceByKey(eq(FocusVariables.KEY), eq("focus-9"), any(java.util.Map.class));
		verify(events).publishEvent(new FocusedInspectionOpened(9, "L1", "analyst1", "analyst"));
	}

	@Test
	void whatIsNoFundLeadOfTheFundRulesOrLiesOutsideTheBureauOrComesFromAnInspectorIsRefused() {
		lead("provider", "provider", "H37030300011", "price-over-ceiling");
		lead("other-rule", "fund", "370300|310", "price-over-ceiling");
		lead("elsewhere", "fund", "370200|310", "current-deficit");

		assertThatThrownBy(() -> focus.open("provider", ANALYST)).hasMessageContaining("基金运行类线索");
		assertThatThrownBy(() -> focus.open("other-rule", ANALYST)).hasMessageContaining("基金运行类线索");
		assertThatThrownBy(() -> focus.open("elsewhere", ANALYST)).hasMessageContaining("370200 不在本局监管范围内");
		assertThatThrownBy(() -> focus.open("nope", ANALYST)).hasMessageContaining("线索 nope 不存在");
		assertThatThrownBy(() -> focus.open("provider", INSPECTOR)).isInstanceOf(Refused.class)
			.hasMessageContaining("分析人员和局领导");
		verify(store, never()).create(any(), any(), any(), any(), any(), any(), any(), any());
	}

	@Test
	void aFocusedInspectionOfAnotherBureausFundIsNotFoundNorListed() {
		FocusedInspection elsewhere = new FocusedInspection(3, "L3", "370200", "310", List.of("current-deficit"),
				LocalDate.of(2034, 1, 1), LocalDate.of(2034, 12, 31), FocusStatus.ANALYSING, null, "analyst1",
				OffsetDateTime.now(clock), null, null, null, null, null, null, null, null, null, null, null, 0);
		when(store.find(3)).thenReturn(Optional.of(elsewhere));
		when(store.all()).thenReturn(List.of(elsewhere, focused(4, FocusStatus.ANALYSING)));

		assertThatThrownBy(() -> focus.get(3)).hasMessageContaining("重点检查 3 不存在");
		assertThat(focus.all()).extracting(FocusedInspection::id).containsExactly(4L);
	}

	@Test
	void aPlanIsDoneWhenEveryInspectionItDrewHasItsResult() {
		when(store.ofPlan(20)).thenReturn(Optional.of(focused(5, FocusStatus.INSPECTING)));
		when(inspections.ofPlan(20)).thenReturn(List.of(inspection("RECORDED"), inspection("DRAWN")));
		assertThat(focus.doneWithPlan(20)).isEmpty();

		when(inspections.ofPlan(20)).thenReturn(List.of(inspection("RECORDED"), inspection("PUBLISHED")));
		assertThat(focus.doneWithPlan(20)).contains(5L);

		when(inspections.ofPlan(20)).thenReturn(List.of());
		assertThat(focus.doneWithPlan(20)).as("nothing drawn yet is nothing done").isEmpty();
		when(store.ofPlan(21)).thenReturn(Optional.empty());
		assertThat(focus.doneWithPlan(21)).as("a plan of no focused inspection").isEmpty();
	}

	@Test
	void onlyADirectorSignsOffAndAReturnNeedsAnOpinion() {
		when(store.find(5)).thenReturn(Optional.of(focused(5, FocusStatus.SIGNING_OFF)));
		CurrentUser director = new CurrentUser("director1", "局长", Set.of(Role.DIRECTOR));

		assertThatThrownBy(() -> focus.signedOff(5, "APPROVE", null, ANALYST)).hasMessageContaining("只能由局领导签批");
		assertThatThrownBy(() -> focus.signedOff(5, "RETURN", " ", director)).hasMessageContaining("须写明意见");
		assertThatThrownBy(() -> focus.signedOff(5, "MAYBE", null, director)).hasMessageContaining("批准或退回修改");
		when(store.returned(eq(5L), eq("措施不具体"), eq("director1"), any())).thenReturn(true);
		focus.signedOff(5, "RETURN", "措施不具体", director);
		verify(store).returned(eq(5L), eq("措施不具体"), eq("director1"), any());
	}

	@Test
	void theMeasuresDeadlineIsCountedInWorkingDaysAndBounded() {
		when(store.find(5)).thenReturn(Optional.of(focused(5, FocusStatus.RESOLVING)));
		when(store.resolved(eq(5L), any(), any(), any(), any())).thenReturn(true);

		assertThatThrownBy(() -> focus.resolved(5, "措施", 0, "analyst1")).hasMessageContaining("1 至 250 个工作日");
		assertThatThrownBy(() -> focus.resolved(5, "措施", 251, "analyst1")).hasMessageContaining("1 至 250 个工作日");
		focus.resolved(5, "约谈", 5, "analyst1");
		// Monday 7 December 2026 + 5 working days = Monday 14 December, end of day in Jinan
		var due = org.mockito.ArgumentCaptor.forClass(OffsetDateTime.class);
		verify(store).resolved(eq(5L), eq("约谈"), due.capture(), eq("analyst1"), any());
		assertThat(new Deadlines(new WorkingCalendar(), clock).lastDayOf(java.util.Date.from(due.getValue().toInstant())))
			.isEqualTo(LocalDate.of(2026, 12, 14));
	}

	private void lead(String id, String type, String key, String rules) {
		when(leads.find(id)).thenReturn(Optional.of(new Lead(id, type, key, LocalDate.of(2034, 7, 1), LocalDate.of(2034, 7, 31),
				"run-1", 1, 0, rules, new BigDecimal("100.00"), 5, "OPEN", OffsetDateTime.now(clock))));
	}

	private FocusedInspection focused(long id, FocusStatus status) {
		return new FocusedInspection(id, "L" + id, "370300", "310", List.of("expenditure-growth"), LocalDate.of(2034, 7, 1),
				LocalDate.of(2034, 7, 31), status, null, "analyst1", OffsetDateTime.now(clock), null, null, null, null, null, null,
				null, null, null, null, null, 0);
	}

	private static Inspection inspection(String status) {
		return new Inspection(1, 20, 1, 1, "H1", "一院", "hospital", "3", "370303", null, status, null, null, null, null, null,
				null, null, null, false, null, null, List.of());
	}
}
