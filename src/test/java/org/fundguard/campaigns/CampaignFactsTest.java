package org.fundguard.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.fundguard.appeals.SignalConfirmed;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCaseOpened;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.CaseStatus;
import org.fundguard.cases.SubjectType;
import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.inspections.Inspections;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Which case and which confirmed signal a campaign counts: its rules, its scope, its period. */
class CampaignFactsTest {

	static final String H1 = "H37038100001";

	private final CampaignStore store = mock(CampaignStore.class);
	private final AuditCases cases = mock(AuditCases.class);
	private final Leads leads = mock(Leads.class);
	private final ClaimsDirectory directory = mock(ClaimsDirectory.class);
	private final CampaignFacts facts = new CampaignFacts(store, cases, mock(Inspections.class), leads, directory,
			Clock.fixed(java.time.Instant.parse("2033-03-01T02:00:00Z"), ZoneOffset.UTC));

	private final Campaign campaign = new Campaign(7, "专项", LocalDate.of(2033, 1, 1), LocalDate.of(2033, 6, 30),
			new CampaignScope(List.of("370381"), List.of("hospital")), List.of("price-over-ceiling"),
			Campaign.InspectionMode.FULL, 3, 11, 12, "director1", OffsetDateTime.now());

	CampaignFactsTest() {
		when(store.all()).thenReturn(List.of(campaign));
		when(directory.provider(H1)).thenReturn(Optional.of(
				new ClaimsDirectory.Provider(H1, "第一医院", "hospital", "2", "370381", "active")));
	}

	@Test
	void aCaseFromALeadOnTheCampaignsRuleInScopeDuringItsPeriodIsTagged() {
		leadCase("price-over-ceiling,dialysis-frequency", "2033-03-01T02:00:00Z");

		var fact = ArgumentCaptor.forClass(CampaignStore.Fact.class);
		verify(store).record(fact.capture(), any());
		assertThat(fact.getValue().campaignId()).isEqualTo(7);
		assertThat(fact.getValue().kind()).isEqualTo(CampaignStore.Kind.CASE);
		assertThat(fact.getValue().reference()).isEqualTo("JC-1");
		assertThat(fact.getValue().region()).isEqualTo("370381");
	}

	@Test
	void aCaseFromALeadOnOtherRulesOrAfterThePeriodIsNot() {
		leadCase("dialysis-frequency", "2033-03-01T02:00:00Z");
		leadCase("price-over-ceiling", "2033-07-01T02:00:00Z");

		verify(store, never()).record(any(), any());
	}

	@Test
	void aConfirmedSignalCountsOnItsRuleInScopeAndPeriodOnly() {
		facts.signalConfirmed(signal("s1", "price-over-ceiling", LocalDate.of(2033, 2, 1)));
		facts.signalConfirmed(signal("s2", "dialysis-frequency", LocalDate.of(2033, 2, 1)));
		facts.signalConfirmed(signal("s3", "price-over-ceiling", LocalDate.of(2032, 12, 31)));

		var fact = ArgumentCaptor.forClass(CampaignStore.Fact.class);
		verify(store).record(fact.capture(), any());
		assertThat(fact.getValue().sourceKey()).isEqualTo("s1");
		assertThat(fact.getValue().kind()).isEqualTo(CampaignStore.Kind.SIGNAL);
	}

	/**
	 * The listeners run in the publisher's transaction: a directory (Elasticsearch) that cannot answer must not make
	 * an institution's confirmation or the opening of a case fail and roll back.
	 */
	@Test
	void aDirectoryThatCannotAnswerDoesNotUndoTheConfirmationOrTheCase() {
		when(directory.provider(H1)).thenThrow(new IllegalStateException("Elasticsearch unreachable"));

		org.assertj.core.api.Assertions.assertThatCode(() -> {
			facts.signalConfirmed(signal("s1", "price-over-ceiling", LocalDate.of(2033, 2, 1)));
			leadCase("price-over-ceiling", "2033-03-01T02:00:00Z");
		}).doesNotThrowAnyException();
		verify(store, never()).record(any(), any());
	}

	private void leadCase(String rules, String openedAt) {
		long id = openedAt.hashCode();
		when(cases.find(id)).thenReturn(Optional.of(new AuditCase(id, "JC-1", SubjectType.INSTITUTION, H1, "第一医院",
				"370381", CaseSource.LEAD, "lead-" + id, BigDecimal.ZERO, "", CaseStatus.TRIAGE, null,
				OffsetDateTime.parse(openedAt), "director1", null)));
		when(leads.find("lead-" + id)).thenReturn(Optional.of(new Lead("lead-" + id, "provider", H1,
				LocalDate.of(2033, 1, 1), LocalDate.of(2033, 1, 31), "run", 1, 0, rules, BigDecimal.ONE, 1.0, "NEW", null)));
		facts.caseOpened(new AuditCaseOpened(id, "JC-1", CaseSource.LEAD));
	}

	private static SignalConfirmed signal(String id, String rule, LocalDate on) {
		return new SignalConfirmed(id, null, H1, rule, rule + "|" + H1 + "|2033-01", BigDecimal.TEN, "", on,
				SignalConfirmed.How.ACCEPTED);
	}
}
