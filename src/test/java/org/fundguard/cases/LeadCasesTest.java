package org.fundguard.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.fundguard.rules.RuleRunFinished;
import org.fundguard.rules.SignalSearch;
import org.fundguard.rules.RuleLabels;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/** Automatic opening after a rules run: off unless configured, then only leads at or above the score, once each. */
class LeadCasesTest {

	private final Leads leads = mock(Leads.class);
	private final AuditCases cases = mock(AuditCases.class);
	private final CaseEvidence evidence = mock(CaseEvidence.class);
	private final ClaimsDirectory directory = mock(ClaimsDirectory.class);
	private final TransactionTemplate tx = mock(TransactionTemplate.class);

	private LeadCases leadCases(Double minScore) throws Exception {
		when(tx.execute(any())).thenAnswer(inv -> ((TransactionCallback<?>) inv.getArgument(0)).doInTransaction(null));
		when(directory.provider(anyString())).thenReturn(Optional.empty());
		when(cases.open(any())).thenAnswer(inv -> {
			NewCase n = inv.getArgument(0);
			return new AuditCase(1, "370300-2026-000001", n.subjectType(), n.subjectKey(), n.subjectName(), n.subjectRegion(),
					n.source(), n.sourceRef(), n.amount(), n.summary(), CaseStatus.TRIAGE, n.receivedAt(), n.receivedAt(),
					"fundguard-system", null);
		});
		return new LeadCases(leads, mock(SignalSearch.class), cases, evidence, directory,
				new CasesProperties(15, 90, 2, 2, minScore), tx, mock(RuleLabels.class));
	}

	private static Lead lead(String id, String type, double score) {
		return new Lead(id, type, "H37030300011", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), "run-1", 3, 0,
				"price-over-ceiling", new BigDecimal("1200.00"), score, "OPEN", OffsetDateTime.parse("2026-11-02T08:00:00+08:00"));
	}

	@Test
	void withoutAThresholdARunOpensNothing() throws Exception {
		leadCases(null).runFinished(new RuleRunFinished("run-1", "COMPLETED"));

		verify(leads, never()).ofRun(anyString());
		verify(cases, never()).open(any());
	}

	@Test
	void leadsAtOrAboveTheScoreBecomeCasesOnceAndFundLeadsNever() throws Exception {
		Lead high = lead("high", "provider", 20.0);
		Lead low = lead("low", "provider", 19.99);
		Lead fund = lead("fund", "fund", 50.0);
		Lead known = lead("known", "provider", 30.0);
		when(leads.ofRun("run-1")).thenReturn(List.of(high, low, fund, known));
		when(leads.find("high")).thenReturn(Optional.of(high));
		when(evidence.caseOfLead(anyString())).thenReturn(Optional.empty());
		when(evidence.caseOfLead("known")).thenReturn(Optional.of(7L));

		List<AuditCase> opened = leadCases(20.0).openLeadsOfRun("run-1", 20.0);

		assertThat(opened).extracting(AuditCase::sourceRef).containsExactly("high");
		assertThat(opened.getFirst().receivedAt()).as("the filing deadline counts from the lead")
			.isEqualTo(high.updatedAt());
		verify(evidence).linkLead(any(Long.class), any(), any(), any(), any());
	}

	@Test
	void theCaseNamesItsSubjectAsTheClaimsDirectoryDoes() throws Exception {
		Lead provider = lead("p", "provider", 5.0);
		Lead person = new Lead("q", "person", "P0001", provider.from(), provider.to(), "run-1", 1, 0, "after-death",
				BigDecimal.ONE, 5.0, "OPEN", provider.updatedAt());
		Lead stranger = new Lead("r", "person", "P0002", provider.from(), provider.to(), "run-1", 1, 0, "after-death",
				BigDecimal.ONE, 5.0, "OPEN", provider.updatedAt());
		for (Lead l : List.of(provider, person, stranger)) {
			when(leads.find(l.id())).thenReturn(Optional.of(l));
		}
		when(evidence.caseOfLead(anyString())).thenReturn(Optional.empty());
		LeadCases leadCases = leadCases(null);
		when(directory.provider("H37030300011")).thenReturn(Optional.of(new ClaimsDirectory.Provider("H37030300011",
				"淄博市第一医院", "hospital", "3", "370303", "active")));
		when(directory.person("P0001")).thenReturn(Optional.of(new ClaimsDirectory.Person("P0001", "王**", "370300")));
		when(directory.person("P0002")).thenReturn(Optional.empty());

		AuditCase institution = leadCases.open("p", Actor.SYSTEM);
		AuditCase insured = leadCases.open("q", Actor.SYSTEM);
		AuditCase unknown = leadCases.open("r", Actor.SYSTEM);

		assertThat(institution.subjectType()).isEqualTo(SubjectType.INSTITUTION);
		assertThat(institution.subjectName()).isEqualTo("淄博市第一医院");
		assertThat(institution.subjectRegion()).isEqualTo("370303");
		assertThat(insured.subjectName()).isEqualTo("王**");
		assertThat(insured.subjectRegion()).isEqualTo("370300");
		assertThat(unknown.subjectName()).as("a person the loads do not know").isEqualTo("参保人");
		assertThat(unknown.subjectRegion()).isNull();
	}

	@Test
	void aMissingLeadOrAFundLeadIsRefused() throws Exception {
		when(evidence.caseOfLead(anyString())).thenReturn(Optional.empty());
		when(leads.find("gone")).thenReturn(Optional.empty());
		when(leads.find("fund")).thenReturn(Optional.of(lead("fund", "fund", 50.0)));
		LeadCases leadCases = leadCases(null);

		assertThatThrownBy(() -> leadCases.open("gone", Actor.SYSTEM)).isInstanceOf(Refused.class)
			.hasFieldOrPropertyWithValue("key", "cases.lead.not-found");
		assertThatThrownBy(() -> leadCases.open("fund", Actor.SYSTEM)).isInstanceOf(Refused.class)
			.hasFieldOrPropertyWithValue("key", "cases.lead.fund-lead")
			.hasMessageContaining("H37030300011");
	}
}
