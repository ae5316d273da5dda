package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.fundguard.cases.AuditCases;
import org.fundguard.cases.Findings;
import org.fundguard.cases.Intent;
import org.fundguard.cases.SubjectType;
import org.fundguard.selfinspections.SelfInspectionFact;
import org.fundguard.selfinspections.SelfInspectionFact.Kind;
import org.fundguard.selfinspections.SelfInspectionFacts;
import org.junit.jupiter.api.Test;

/**
 * Self-inspection facts as discretion factors with the shipped configuration: reported and refunded suggests the
 * mitigation 主动退回, a rule it did not report suggests the aggravation, the rest nothing; and the suggested factors
 * move the computed penalty as the table says.
 */
class SelfInspectionDiscretionTest {

	private final DiscretionTable table = new DiscretionTable(ConfiguredDefaults.penalties());
	private final SelfInspectionDiscretion discretion = new SelfInspectionDiscretion(mock(AuditCases.class),
			mock(SelfInspectionFacts.class), table);

	static SelfInspectionFact fact(Kind kind, String rule) {
		return new SelfInspectionFact(kind, rule, 3, "2026 年上半年自查", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30),
				new BigDecimal("1200.50"), LocalDate.of(2026, 12, 8));
	}

	@Test
	void aReportedRefundSuggestsMitigationAndAnUnreportedRuleAggravationEachWithItsCause() {
		var suggestions = discretion.suggestions(List.of(fact(Kind.REPORTED_AND_REFUNDED, "price-over-ceiling"),
				fact(Kind.NOT_REPORTED, "quantity-over-limit"), fact(Kind.REPORTED_NOT_REFUNDED, "after-death"),
				new SelfInspectionFact(Kind.NONE, "readmission", 0, null, null, null, null, null)));

		assertThat(suggestions).extracting(SelfInspectionDiscretion.Suggestion::factorCode)
			.containsExactly(SelfInspectionDiscretion.MITIGATION, SelfInspectionDiscretion.AGGRAVATION);
		assertThat(suggestions.get(0).factorLabel()).isEqualTo("主动退回违规所得");
		assertThat(suggestions.get(0).cause()).contains("2026 年上半年自查", "主动报告并退回 1200.50 元");
		assertThat(suggestions.get(1).factorLabel()).isEqualTo("自查自纠中未主动报告");
		assertThat(suggestions.get(1).cause()).contains("未主动报告");
	}

	@Test
	void nothingToSuggestWithoutAFinishedSelfInspection() {
		assertThat(discretion.suggestions(List.of(fact(Kind.NONE, "x"), fact(Kind.REPORTED_NOT_REFUNDED, "y")))).isEmpty();
	}

	@Test
	void theSuggestedFactorsMoveThePenaltyDownAndUp() {
		Findings findings = new Findings(1, true, new BigDecimal("10000"), List.of("38"), Intent.IRREGULAR_USE, "认定事实",
				"inspector1", null);
		double plain = table.compute(findings, SubjectType.INSTITUTION, Set.of()).position();
		double mitigated = table.compute(findings, SubjectType.INSTITUTION, Set.of(SelfInspectionDiscretion.MITIGATION)).position();
		double aggravated = table.compute(findings, SubjectType.INSTITUTION, Set.of(SelfInspectionDiscretion.AGGRAVATION))
			.position();

		assertThat(mitigated).isLessThan(plain);
		assertThat(aggravated).isGreaterThan(plain);
	}
}
