package org.fundguard.rules;

/** What a peer rule measures per provider, and the money a high value puts at stake. */
enum PeerMetric {

	/** hvmc amount per inpatient settlement; providers with no inpatient settlement have no value. */
	HVMC("PeerOutlierRule:hvmc", "高值耗材金额/住院结算数") {
		@Override
		Double value(ProviderProfile p) {
			return p.inpatient() == 0 ? null : p.hvmcAmount() / p.inpatient();
		}

		@Override
		double money(ProviderProfile p, double value, double median) {
			return (value - median) * p.inpatient();
		}
	},
	GENETIC_TEST("PeerOutlierRule:genetic_test", "含基因检测的结算占比") {
		@Override
		Double value(ProviderProfile p) {
			return (double) p.genetic() / p.settlements();
		}

		@Override
		double money(ProviderProfile p, double value, double median) {
			return value == 0 ? 0 : p.geneticAmount() * (value - median) / value;
		}
	},
	OUT_OF_AREA("PeerOutlierRule:out_of_area", "异地就医结算占比") {
		@Override
		Double value(ProviderProfile p) {
			return (double) p.outOfArea() / p.settlements();
		}

		@Override
		double money(ProviderProfile p, double value, double median) {
			return value == 0 ? 0 : p.outOfAreaFund() * (value - median) / value;
		}
	},
	ADMISSION_RATE("PeerOutlierRule:admission_rate", "住院结算占比") {
		@Override
		Double value(ProviderProfile p) {
			return (double) p.inpatient() / p.settlements();
		}

		@Override
		double money(ProviderProfile p, double value, double median) {
			return value == 0 ? 0 : p.inpatientFund() * (value - median) / value;
		}
	};

	final String evaluator;
	final String label;

	PeerMetric(String evaluator, String label) {
		this.evaluator = evaluator;
		this.label = label;
	}

	abstract Double value(ProviderProfile p);

	abstract double money(ProviderProfile p, double value, double median);
}
