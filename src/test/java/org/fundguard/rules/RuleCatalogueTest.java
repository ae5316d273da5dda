package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;

import org.fundguard.errors.Refused;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

	final RuleCatalogue catalogue = new RuleCatalogue();

	@Test
	void everyRuleOfDomainMdIsDefinedWithItsDocumentation() {
		assertThat(catalogue.all()).extracting(RuleDefinition::id).containsExactlyInAnyOrder("dialysis-frequency",
				"restricted-diagnosis", "outpatient-during-stay", "overlapping-stays", "after-death", "price-over-ceiling",
				"quantity-over-limit", "missing-procedure", "readmission", "hvmc-outlier", "genetic-test-outlier",
				"out-of-area-outlier", "admission-rate-outlier", "duplicate-enrollment", "expenditure-growth", "reserve-months");
		assertThat(catalogue.all()).allSatisfy(r -> {
			assertThat(r.version()).isPositive();
			assertThat(r.nameZh()).isNotBlank();
			assertThat(r.nameEn()).isNotBlank();
			assertThat(r.legalBasis()).isNotBlank();
			assertThat(r.falsePositives()).as(r.id()).hasSizeGreaterThan(20);
			assertThat(r.evaluator()).isNotBlank();
			assertThat(r.severity()).isIn("high", "medium", "low");
		});
	}

	@Test
	void theDefaultsAreDomainMds() {
		Map<String, Double> defaults = catalogue.all().stream().flatMap(r -> r.parameters().stream().map(p -> Map.entry(r.id() + "." + p.name(), p.defaultValue())))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(defaults).containsEntry("dialysis-frequency.max_days_per_week", 3.0)
			.containsEntry("price-over-ceiling.tolerance", 0.01)
			.containsEntry("readmission.max_gap_days", 15.0)
			.containsEntry("hvmc-outlier.z_threshold", 3.5)
			.containsEntry("admission-rate-outlier.min_settlements", 30.0)
			.containsEntry("genetic-test-outlier.min_peer_group", 5.0)
			.containsEntry("expenditure-growth.growth_percent", 20.0)
			.containsEntry("reserve-months.min_months", 6.0);
	}

	@Test
	void parametersAreCheckedAgainstTheirLimits() {
		RuleDefinition.Parameter n = catalogue.find("dialysis-frequency").orElseThrow().parameter("max_days_per_week");
		assertThatThrownBy(() -> n.check(0)).isInstanceOfSatisfying(Refused.class, r -> {
			assertThat(r.key()).isEqualTo("rules.parameter.below-minimum");
			assertThat(r.getMessage()).isEqualTo("参数 max_days_per_week = 0 低于下限 1");
			assertThat(r.english()).contains("below its minimum 1");
		});
		assertThatThrownBy(() -> n.check(2.5)).hasMessage("参数 max_days_per_week = 2.5 应为整数");
		assertThat(n.check(4)).isEqualTo(4);
	}

	@Test
	void theRiskScoreWeighsRulesBySeverityAndMoneyGently() {
		RuleDefinition high = catalogue.find("after-death").orElseThrow();
		RuleDefinition medium = catalogue.find("price-over-ceiling").orElseThrow();
		assertThat(Lead.riskScore(Map.of(high, 1L), 0)).isEqualTo(5.0);
		assertThat(Lead.riskScore(Map.of(medium, 10L), 9)).isEqualTo(3 * 2 + 1.0);
		assertThat(Lead.riskScore(Map.of(high, 1L, medium, 1L), 0)).isGreaterThan(Lead.riskScore(Map.of(medium, 10L), 0));
	}
}
