package org.fundguard.leads;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fundguard.appeals.IssuedSignals;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.CaseStatus;
import org.fundguard.cases.LeadCases;
import org.fundguard.cases.SubjectType;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.leads.LeadActions.Action;
import org.fundguard.leads.LeadActions.Outcome;
import org.fundguard.record.Actor;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The bulk actions: each lead answers for itself (done, or refused with the Chinese reason), only analysts and
 * directors act, voiding needs a reason, issuing goes to the appeals module, a reviewed lead's case takes only the
 * confirmed evidence.
 */
class LeadActionsTest {

	private static final CurrentUser ANALYST = new CurrentUser("analyst1", "分析员", Set.of(Role.ANALYST));

	private H2Leads h2;
	private final Leads leads = mock(Leads.class);
	private final LeadCases leadCases = mock(LeadCases.class);
	private final FakeIssuedSignals issued = new FakeIssuedSignals();
	@SuppressWarnings("unchecked")
	private final ObjectProvider<IssuedSignals> provider = mock(ObjectProvider.class);
	private final org.fundguard.focus.FocusedInspections focus = mock(org.fundguard.focus.FocusedInspections.class);
	private LeadActions actions;

	@BeforeEach
	void setUp() {
		h2 = new H2Leads();
		when(provider.getIfAvailable()).thenReturn(issued);
		when(leads.find(anyString())).thenReturn(Optional.empty());
		lead("p1", "provider");
		lead("p2", "provider");
		lead("person", "person");
		actions = new LeadActions(leads, h2.states, leadCases, provider, focus, mock(PlatformTransactionManager.class));
	}

	private void lead(String id, String type) {
		when(leads.find(id)).thenReturn(Optional.of(new Lead(id, type, "H37030300011", LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 31), "run-1", 3, 0, "price-over-ceiling", new BigDecimal("1200.00"), 12.5, "OPEN",
				OffsetDateTime.parse("2026-11-02T08:00:00+08:00"))));
	}

	@Test
	void issuingReportsEachLeadDoneOrRefusedWithItsReason() {
		issued.issuable.put("p1", 3);
		h2.states.move("p2", LeadState.VOID, new Actor("analyst2", "analyst"), "数据重复");

		List<Outcome> out = actions.apply(Action.ISSUE, List.of("p1", "p2", "person", "nope"), null, ANALYST);

		assertThat(out).extracting(Outcome::leadId, Outcome::done).containsExactly(
				org.assertj.core.groups.Tuple.tuple("p1", true), org.assertj.core.groups.Tuple.tuple("p2", false),
				org.assertj.core.groups.Tuple.tuple("person", false), org.assertj.core.groups.Tuple.tuple("nope", false));
		assertThat(out.get(0).message()).isEqualTo("已下发 3 条疑点");
		assertThat(out.get(1).message()).contains("已作废").contains("只有待处理的线索可以下发");
		assertThat(out.get(2).message()).contains("只有定点医药机构的线索可以下发");
		assertThat(out.get(3).message()).contains("线索不存在");
		assertThat(issued.issuedBy).containsExactly("p1:analyst1");
		assertThat(h2.states.of("p1")).isEqualTo(LeadState.ISSUED);
		assertThat(h2.states.history("p1").getFirst().reason()).isEqualTo("下发机构疑点 3 条");
	}

	@Test
	void aLeadWithNothingLeftToIssueIsRefusedAndStaysOpen() {
		Outcome o = actions.apply(Action.ISSUE, List.of("p1"), null, ANALYST).getFirst();

		assertThat(o.done()).isFalse();
		assertThat(o.message()).contains("没有可下发的疑点");
		assertThat(h2.states.of("p1")).isEqualTo(LeadState.OPEN);
	}

	@Test
	void withoutTheAppealsModuleIssuingIsRefusedNotFaked() {
		when(provider.getIfAvailable()).thenReturn(null);

		Outcome o = actions.apply(Action.ISSUE, List.of("p1"), null, ANALYST).getFirst();

		assertThat(o.done()).isFalse();
		assertThat(o.message()).contains("尚未启用");
	}

	@Test
	void voidingNeedsAReasonAndOnlyAnOpenLead() {
		assertThatThrownBy(() -> actions.apply(Action.VOID, List.of("p1"), " ", ANALYST))
			.isInstanceOfSatisfying(Refused.class, e -> assertThat(e.getMessage()).contains("须写明原因"));
		h2.states.move("p2", LeadState.ISSUED, new Actor("analyst1", "analyst"), "下发");

		List<Outcome> out = actions.apply(Action.VOID, List.of("p1", "p2"), "同一笔已于检查中处理", ANALYST);

		assertThat(out).extracting(Outcome::done).containsExactly(true, false);
		assertThat(out.get(1).message()).contains("由机构答复和复核决定");
		assertThat(h2.states.of("p1")).isEqualTo(LeadState.VOID);
		assertThat(h2.states.history("p1").getFirst().reason()).isEqualTo("同一笔已于检查中处理");
		assertThat(actions.apply(Action.VOID, List.of("p1"), "再次", ANALYST).getFirst().message()).contains("已是“已作废”");
	}

	@Test
	void onlyAnalystsAndDirectorsAct() {
		for (Role role : List.of(Role.INSPECTOR, Role.ADMIN, Role.INSTITUTION, Role.LEGAL_REVIEWER)) {
			CurrentUser user = new CurrentUser("u", "u", Set.of(role), role == Role.INSTITUTION ? "H37030300011" : null);
			assertThatThrownBy(() -> actions.apply(Action.VOID, List.of("p1"), "理由", user)).as(role.name())
				.isInstanceOfSatisfying(Refused.class, e -> assertThat(e.reason()).isEqualTo(Refused.Reason.FORBIDDEN));
		}
		assertThat(h2.states.of("p1")).isEqualTo(LeadState.OPEN);
		CurrentUser director = new CurrentUser("director1", "负责人", Set.of(Role.DIRECTOR));
		assertThat(actions.apply(Action.VOID, List.of("p1"), "理由", director).getFirst().done()).isTrue();
		assertThat(h2.states.history("p1").getFirst().role()).isEqualTo("director");
	}

	@Test
	void aReviewedLeadsCaseTakesOnlyTheConfirmedEvidenceAndAnOpenLeadsAllOfIt() {
		Actor analyst = new Actor("analyst1", "analyst");
		h2.states.move("p1", LeadState.ISSUED, analyst, "下发");
		h2.states.move("p1", LeadState.PARTLY_CONFIRMED, Actor.SYSTEM, "复核");
		issued.confirmed.put("p1", Set.of("price-over-ceiling|S1|X|2026-10-01..2026-10-31"));
		when(leadCases.open(anyString(), any(), any())).thenAnswer(inv -> aCase(inv.getArgument(0)));

		List<Outcome> out = actions.apply(Action.OPEN_CASE, List.of("p1", "p2"), null, ANALYST);

		assertThat(out).extracting(Outcome::message).containsExactly("已登记案件 370300-2026-000009",
				"已登记案件 370300-2026-000009");
		verify(leadCases).open(eq("p1"), eq(Set.of("price-over-ceiling|S1|X|2026-10-01..2026-10-31")), eq(analyst));
		verify(leadCases).open(eq("p2"), eq(null), eq(analyst));
		assertThat(h2.states.of("p1")).isEqualTo(LeadState.CASE_OPENED);
		assertThat(h2.states.history("p1").getLast().reason()).isEqualTo("登记稽核案件 370300-2026-000009");
	}

	@Test
	void aLeadUnderReviewOrClosedOpensNoCase() {
		Actor analyst = new Actor("analyst1", "analyst");
		h2.states.move("p1", LeadState.VOID, analyst, "作废");
		h2.states.move("p1", LeadState.CLOSED, analyst, "结案");

		Outcome o = actions.apply(Action.OPEN_CASE, List.of("p1"), null, ANALYST).getFirst();

		assertThat(o.done()).isFalse();
		assertThat(o.message()).contains("已结案").contains("已立案");
		verify(leadCases, never()).open(anyString(), any(), any());
	}

	@Test
	void closingTakesASettledLeadOnly() {
		Actor analyst = new Actor("analyst1", "analyst");
		h2.states.move("p1", LeadState.ISSUED, analyst, "下发");
		h2.states.move("p1", LeadState.CONFIRMED, Actor.SYSTEM, "机构确认");

		List<Outcome> out = actions.apply(Action.CLOSE, List.of("p1", "p2"), null, ANALYST);

		assertThat(out).extracting(Outcome::done).containsExactly(true, false);
		assertThat(h2.states.of("p1")).isEqualTo(LeadState.CLOSED);
		assertThat(h2.states.of("p2")).isEqualTo(LeadState.OPEN);
	}

	@Test
	void anEmptyOrOversizedChoiceIsRefused() {
		assertThatThrownBy(() -> actions.apply(Action.CLOSE, List.of(), null, ANALYST)).isInstanceOf(Refused.class);
		assertThatThrownBy(() -> actions.apply(null, List.of("p1"), null, ANALYST)).isInstanceOf(Refused.class);
		List<String> many = java.util.stream.IntStream.range(0, LeadActions.MAX_LEADS + 1).mapToObj(i -> "l" + i).toList();
		assertThatThrownBy(() -> actions.apply(Action.CLOSE, many, null, ANALYST)).isInstanceOf(Refused.class);
	}

	private static AuditCase aCase(String leadId) {
		return new AuditCase(9, "370300-2026-000009", SubjectType.INSTITUTION, "H37030300011", "甲医院", "370303",
				CaseSource.LEAD, leadId, BigDecimal.TEN, "", CaseStatus.TRIAGE, OffsetDateTime.now(), OffsetDateTime.now(),
				"analyst1", null);
	}

	/** A fund lead has no institution and is no case's party: it opens a focused inspection, once. */
	@Test
	void aFundLeadOpensItsFocusedInspectionAndASecondClickFindsTheSameOne() {
		when(focus.open("fund", ANALYST)).thenReturn(new org.fundguard.focus.FocusedInspections.Opening(4, true),
				new org.fundguard.focus.FocusedInspections.Opening(4, false));
		when(focus.open("p1", ANALYST)).thenThrow(Refused.because("focus.lead.not-fund"));
		lead("fund", "fund");

		List<Outcome> first = actions.apply(Action.OPEN_FOCUS, List.of("fund", "p1"), null, ANALYST);
		List<Outcome> second = actions.apply(Action.OPEN_FOCUS, List.of("fund"), null, ANALYST);

		assertThat(first).extracting(Outcome::leadId, Outcome::done, Outcome::message).containsExactly(
				org.assertj.core.api.Assertions.tuple("fund", true, "已开展重点检查 第 4 号"),
				org.assertj.core.api.Assertions.tuple("p1", false, Refused.because("focus.lead.not-fund").getMessage()));
		assertThat(second.getFirst().message()).isEqualTo("已有重点检查 第 4 号");
	}
}
