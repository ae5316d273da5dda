package org.fundguard.rules;

import org.fundguard.claims.ClaimIndices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The four peer-outlier rules, one evaluator per measure. */
@Configuration
class PeerRules {

	@Bean
	Evaluator hvmcOutlier(ClaimIndices ix) {
		return new PeerOutlierRule(PeerMetric.HVMC, ix);
	}

	@Bean
	Evaluator geneticTestOutlier(ClaimIndices ix) {
		return new PeerOutlierRule(PeerMetric.GENETIC_TEST, ix);
	}

	@Bean
	Evaluator outOfAreaOutlier(ClaimIndices ix) {
		return new PeerOutlierRule(PeerMetric.OUT_OF_AREA, ix);
	}

	@Bean
	Evaluator admissionRateOutlier(ClaimIndices ix) {
		return new PeerOutlierRule(PeerMetric.ADMISSION_RATE, ix);
	}
}
