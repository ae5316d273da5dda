package org.fundguard.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fundguard.appeals.IssuedSignals;
import org.fundguard.appeals.IssuedSignalsChanged;
import org.fundguard.appeals.LeadReview;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.CaseStatus;
import org.fundguard.cases.LeadCases;
import org.fundguard.cases.SubjectType;
import org.fundguard.record.Actor;
import org.fundguard.rules.RuleCatalogue;
import org.fundguard.rules.RuleDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The lead follows its issued signals' review, and a settled review above the amount, or with a high-severity rule
 * confirmed, opens an audit case with the confirmed evidence.
 */
class ReviewFollowerTest {

	private static final String HIGH = "price-over-ceiling|S1|X|2026-10-01..2026-10-31";
	private static final String LOW = "quantity-limit|S2|Y|2026-10-01..2026-10-31";

	private H2Leads h2;
	private final FakeIssuedSignals issued = new FakeIssuedSignals();
	private final LeadCases leadCases = mock(LeadCases.class);
	private final RuleCatalogue catalogue = mock(RuleCatalogue.class);
	private ReviewFollower follower;

	@BeforeEach
	void setUp() {
		h2 = new H2Leads();
		@SuppressWarnings("unchecked")
		ObjectProvider<IssuedSignals> provider = mock(ObjectProvider.class);
		when(provider.getIfAvailable()).thenReturn(issued);
		when(catalogue.find(anyString())).thenReturn(Optional.empty());
		when(catalogue.find("price-over-ceiling")).thenReturn(Optional.of(rule("price-over-ceiling", "超限价收费", "high")));
		when(catalogue.find("quantity-limit")).thenReturn(Optional.of(rule("quantity-limit", "超限量", "medium")));
		when(leadCases.open(anyString(), any(), any())).thenAnswer(inv -> new AuditCase(3, "370300-2026-000003",
				SubjectType.INSTITUTION, "H1", "甲", "370303", CaseSource.LEAD, inv.getArgument(0), BigDecimal.ONE, "",
				CaseStatus.TRIAGE, OffsetDateTime.now(), OffsetDateTime.now(), "fundguard-system", null));
		follower = new ReviewFollower(provider, h2.states, leadCases, catalogue,
				new LeadsProperties(new BigDecimal("10000")), mock(PlatformTransactionManager.class));
	}

	private static RuleDefinition rule(String id, String name, String severity) {
		return new RuleDefinition(id, 1, name, name, "", null, "settlement", severity, "export", List.of(), "line", null,
				null);
	}

	private void review(String lead, int issuedN, int awaiting, int appealed, int confirmed, int voided, String amount) {
		issued.reviews.put(lead, new LeadReview(issuedN, awaiting, appealed, confirmed, voided, new BigDecimal(amount)));
	}

	@Test
	void theReviewDecidesTheState() {
		assertThat(ReviewFollower.stateOf(LeadReview.none())).isNull();
		assertThat(ReviewFollower.stateOf(new LeadReview(3, 3, 0, 0, 0, BigDecimal.ZERO))).isEqualTo(LeadState.ISSUED);
		assertThat(ReviewFollower.stateOf(new LeadReview(3, 2, 1, 0, 0, BigDecimal.ZERO))).isEqualTo(LeadState.IN_REVIEW);
		assertThat(ReviewFollower.stateOf(new LeadReview(3, 2, 0, 1, 0, BigDecimal.ONE))).as("one answered")
			.isEqualTo(LeadState.IN_REVIEW);
		assertThat(ReviewFollower.stateOf(new LeadReview(3, 0, 0, 3, 0, BigDecimal.ONE))).isEqualTo(LeadState.CONFIRMED);
		assertThat(ReviewFollower.stateOf(new LeadReview(3, 0, 0, 0, 3, BigDecimal.ZERO))).isEqualTo(LeadState.VOID);
		assertThat(ReviewFollower.stateOf(new LeadReview(3, 0, 0, 2, 1, BigDecimal.ONE)))
			.isEqualTo(LeadState.PARTLY_CONFIRMED);
	}

	@Test
	void theLeadFollowsIssuedAppealedAndConfirmedBelowTheThresholdWithoutACase() {
		review("l1", 2, 2, 0, 0, 0, "0");
		follower.changed(new IssuedSignalsChanged("l1"));
		assertThat(h2.states.of("l1")).isEqualTo(LeadState.ISSUED);

		review("l1", 2, 1, 1, 0, 0, "0");
		follower.changed(new IssuedSignalsChanged("l1"));
		assertThat(h2.states.of("l1")).isEqualTo(LeadState.IN_REVIEW);

		review("l1", 2, 0, 0, 2, 0, "9999.99");
		issued.confirmed.put("l1", Set.of(LOW));
		follower.changed(new IssuedSignalsChanged("l1"));

		assertThat(h2.states.of("l1")).isEqualTo(LeadState.CONFIRMED);
		verify(leadCases, never()).open(anyString(), any(), any());
		assertThat(h2.states.history("l1")).extracting(LeadChange::role).containsOnly("system");
		assertThat(h2.states.history("l1").getLast().reason()).contains("确认 2 条").contains("9,999.99 元");
	}

	@Test
	void aSettledReviewAtTheThresholdOpensACaseWithTheConfirmedEvidence() {
		h2.states.move("l2", LeadState.ISSUED, new Actor("analyst1", "analyst"), "下发");
		review("l2", 3, 0, 0, 2, 1, "10000.00");
		issued.confirmed.put("l2", Set.of(LOW));

		follower.changed(new IssuedSignalsChanged("l2"));

		verify(leadCases).open(eq("l2"), eq(Set.of(LOW)), eq(Actor.SYSTEM));
		assertThat(h2.states.history("l2")).extracting(LeadChange::to)
			.containsExactly(LeadState.ISSUED, LeadState.PARTLY_CONFIRMED, LeadState.CASE_OPENED);
		assertThat(h2.states.history("l2").getLast().reason())
			.isEqualTo("确认金额 10,000.00 元，达到立案标准 10,000.00 元，登记稽核案件 370300-2026-000003");

		follower.changed(new IssuedSignalsChanged("l2"));
		assertThat(h2.states.history("l2")).as("a later event changes nothing once it is a case").hasSize(3);
	}

	@Test
	void aConfirmedHighSeverityRuleOpensACaseWhateverTheMoney() {
		review("l3", 1, 0, 0, 1, 0, "50.00");
		issued.confirmed.put("l3", Set.of(HIGH));

		follower.changed(new IssuedSignalsChanged("l3"));

		assertThat(h2.states.of("l3")).isEqualTo(LeadState.CASE_OPENED);
		assertThat(h2.states.history("l3")).extracting(LeadChange::to).as("an open lead is issued first")
			.containsExactly(LeadState.ISSUED, LeadState.CONFIRMED, LeadState.CASE_OPENED);
		assertThat(h2.states.history("l3").getLast().reason()).startsWith("确认高风险规则“超限价收费”的疑点");
	}

	@Test
	void anAllVoidReviewOpensNoCase() {
		review("l4", 2, 0, 0, 0, 2, "0");

		follower.changed(new IssuedSignalsChanged("l4"));

		assertThat(h2.states.of("l4")).isEqualTo(LeadState.VOID);
		verify(leadCases, never()).open(anyString(), any(), any());
	}

	@Test
	void aReviewThatDoesNotFitTheLeadsStateIsLoggedNotThrown() {
		h2.states.move("l5", LeadState.VOID, new Actor("analyst1", "analyst"), "作废");
		review("l5", 1, 1, 0, 0, 0, "0");

		follower.changed(new IssuedSignalsChanged("l5"));

		assertThat(h2.states.of("l5")).isEqualTo(LeadState.VOID);
	}
}
