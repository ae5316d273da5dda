package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
				"out-of-area-outlier", "admission-rate-outlier", "duplicate-enrollment", "expenditure-growth", "reserve-months",
				// the second catalogue (知识库)
				"gender-restricted", "age-restricted", "med-type-restricted", "daily-frequency", "exclusive-items",
				"minor-illness-admission", "split-outpatient", "not-enrolled", "enrolled-after-death", "current-deficit");
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
			.containsEntry("reserve-months.min_months", 6.0)
			.containsEntry("split-outpatient.max_visits", 2.0)
			.containsEntry("enrolled-after-death.grace_days", 30.0);
		assertThat(catalogue.find("minor-illness-admission").orElseThrow().parameter("diag_prefixes").prefixesDefault())
			.containsExactly("J00", "J06", "K30", "R51", "M54.5");
	}

	@Test
	void theSecondCataloguesJurisdictionIsDomainMds() {
		assertThat(catalogue.all()).filteredOn(r -> List.of("gender-restricted", "age-restricted", "med-type-restricted",
				"daily-frequency", "exclusive-items", "minor-illness-admission", "split-outpatient").contains(r.id()))
			.hasSize(7).allSatisfy(r -> assertThat(r.regionScope()).isEqualTo("medical_region"));
		assertThat(catalogue.find("not-enrolled").orElseThrow().regionScope()).isEqualTo("insured_region");
		assertThat(catalogue.find("enrolled-after-death").orElseThrow().regionScope()).isEqualTo("insured_region");
		assertThat(catalogue.find("current-deficit").orElseThrow().regionScope()).isEqualTo("ledger_region");
	}

	@Test
	void aListOfPrefixesIsCheckedAndNormalised() {
		RuleDefinition.Parameter p = catalogue.find("minor-illness-admission").orElseThrow().parameter("diag_prefixes");
		assertThat(p.isPrefixes()).isTrue();
		assertThat(p.defaultText()).isEqualTo("J00;J06;K30;R51;M54.5");
		assertThat(p.checkPrefixes(" j00； J06,k30  R51;J00 ")).isEqualTo("J00;J06;K30;R51");
		assertThatThrownBy(() -> p.checkPrefixes("J00;6X")).isInstanceOfSatisfying(Refused.class,
				r -> assertThat(r.key()).isEqualTo("rules.parameter.bad-prefix"));
		assertThatThrownBy(() -> p.checkPrefixes(" ; ")).isInstanceOfSatisfying(Refused.class,
				r -> assertThat(r.key()).isEqualTo("rules.parameter.no-prefixes"));
		assertThatThrownBy(() -> p.checkPrefixes("J00.1;J00.2;J00.3;J00.4;J00.5;J00.6;J00.7;J00.8"))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("rules.parameter.too-long"));
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
