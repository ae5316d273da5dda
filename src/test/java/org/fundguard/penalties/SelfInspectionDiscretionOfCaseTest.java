package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.cases.SubjectType;
import org.fundguard.selfinspections.SelfInspectionFact;
import org.fundguard.selfinspections.SelfInspectionFact.Kind;
import org.fundguard.selfinspections.SelfInspectionFacts;
import org.junit.jupiter.api.Test;

/**
 * Which penalty cases ask the self-inspections: an institution's case from a monitoring lead, for that lead's rules;
 * a person's case, or a case from a report, asks nothing.
 */
class SelfInspectionDiscretionOfCaseTest {

	private final AuditCases cases = mock(AuditCases.class);
	private final SelfInspectionFacts facts = mock(SelfInspectionFacts.class);
	private final SelfInspectionDiscretion discretion = new SelfInspectionDiscretion(cases, facts,
			new DiscretionTable(ConfiguredDefaults.penalties()));

	static AuditCase auditCase(SubjectType type, CaseSource source, String ref) {
		return new AuditCase(9, "370300-2026-000009", type, "H001", "第一医院", "370302", source, ref, BigDecimal.TEN, "摘要",
				null, null, null, null, null);
	}

	static PenaltyCase penalty(SubjectType type) {
		PenaltyCase p = mock(PenaltyCase.class);
		when(p.partyType()).thenReturn(type);
		when(p.caseId()).thenReturn(9L);
		when(p.partyKey()).thenReturn("H001");
		return p;
	}

	@Test
	void anInstitutionsCaseFromALeadAsksForTheLeadsRules() {
		when(cases.find(9)).thenReturn(Optional.of(auditCase(SubjectType.INSTITUTION, CaseSource.LEAD, "lead-1")));
		when(facts.ofLead("H001", "lead-1")).thenReturn(List.of(new SelfInspectionFact(Kind.REPORTED_AND_REFUNDED,
				"price-over-ceiling", 3, "2026 年自查", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
				new BigDecimal("10.00"), LocalDate.of(2026, 12, 8))));

		assertThat(discretion.of(penalty(SubjectType.INSTITUTION))).extracting(SelfInspectionDiscretion.Suggestion::factorCode)
			.containsExactly("returned-voluntarily");
	}

	@Test
	void aCaseFromAReportOrAboutAPersonAsksNothing() {
		when(cases.find(9)).thenReturn(Optional.of(auditCase(SubjectType.INSTITUTION, CaseSource.REPORT, "r-1")));
		assertThat(discretion.of(penalty(SubjectType.INSTITUTION))).isEmpty();
		assertThat(discretion.of(penalty(SubjectType.PERSON))).isEmpty();
		verifyNoInteractions(facts);
	}
}
