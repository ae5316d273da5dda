package org.fundguard.rules;

import org.fundguard.claims.ClaimIndices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The templates of the rules analysts compose: each a generic evaluator driven by its rule's definition, run by the
 * same engine into the same signals and leads as the shipped rules.
 */
@Configuration
class ComposedRules {

	@Bean
	Evaluator lineCondition(ClaimIndices ix) {
		return new LineConditionRule(ix);
	}

	@Bean
	Evaluator periodCount(ClaimIndices ix) {
		return new PeriodCountRule(ix);
	}

	@Bean
	Evaluator peerShare(ClaimIndices ix) {
		return new PeerShareRule(ix);
	}

	/** The template of a composed rule's definition, checked again: a definition is data, and data can be edited. */
	static RuleTemplate template(RuleDefinition rule) {
		return RuleTemplate.of(rule.evaluator(), rule.source().path("evaluator").path("template"));
	}
}
