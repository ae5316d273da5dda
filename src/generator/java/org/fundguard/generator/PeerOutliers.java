package org.fundguard.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the four peer-outlier rules on the exact per-provider figures of the export, as domain.md defines
 * them: non-pharmacy providers of the jurisdiction with at least 30 settlements, peers of the same type and level,
 * groups under 5 not scored, robust z by MAD (or 1.2533 x mean absolute deviation) above 3.5. The generator
 * writes what this finds as ground truth and reports how far the background stays from the threshold.
 */
final class PeerOutliers {

	static final int MIN_SETTLEMENTS = 30;
	static final int MIN_GROUP = 5;
	static final double Z = 3.5;

	static final String[] RULES = { ProviderDirectory.HVMC_OUTLIER, ProviderDirectory.GENETIC_OUTLIER,
			ProviderDirectory.OUT_OF_AREA_OUTLIER, ProviderDirectory.ADMISSION_OUTLIER };

	record Score(String rule, Provider provider, double value, double median, double z, int peers) {
	}

	final List<Score> hits = new ArrayList<>();
	/** Per rule, the highest robust z of a provider that is not a hit: the background's distance to 3.5. */
	final Map<String, Double> highestBackgroundZ = new LinkedHashMap<>();

	static PeerOutliers evaluate(List<Provider> providers, ProviderTally t) {
		PeerOutliers result = new PeerOutliers();
		for (String rule : RULES) {
			result.highestBackgroundZ.put(rule, Double.NEGATIVE_INFINITY);
			for (Tier tier : Tier.values()) {
				List<Provider> group = new ArrayList<>();
				List<Double> values = new ArrayList<>();
				for (Provider p : providers) {
					int i = p.index;
					boolean scored = p.tier == tier && tier != Tier.PHARMACY
							&& p.region().startsWith(ProviderDirectory.JURISDICTION) && t.settlements[i] >= MIN_SETTLEMENTS;
					if (scored && (!rule.equals(ProviderDirectory.HVMC_OUTLIER) || t.inpatient[i] > 0)) {
						group.add(p);
						values.add(value(rule, t, i));
					}
				}
				if (group.size() >= MIN_GROUP) {
					result.score(rule, group, values);
				}
			}
		}
		return result;
	}

	static double value(String rule, ProviderTally t, int i) {
		return switch (rule) {
			case ProviderDirectory.HVMC_OUTLIER -> t.hvmc[i] / 100.0 / t.inpatient[i];
			case ProviderDirectory.GENETIC_OUTLIER -> (double) t.genetic[i] / t.settlements[i];
			case ProviderDirectory.OUT_OF_AREA_OUTLIER -> (double) t.outOfArea[i] / t.settlements[i];
			default -> (double) t.inpatient[i] / t.settlements[i];
		};
	}

	private void score(String rule, List<Provider> group, List<Double> values) {
		double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
		double median = median(v.clone());
		double[] dev = new double[v.length];
		double sum = 0;
		for (int i = 0; i < v.length; i++) {
			dev[i] = Math.abs(v[i] - median);
			sum += dev[i];
		}
		double mad = median(dev.clone());
		double scale = mad > 0 ? 1.4826 * mad : 1.2533 * (sum / v.length);
		if (scale <= 0) {
			return;
		}
		for (int i = 0; i < v.length; i++) {
			double z = (v[i] - median) / scale;
			if (z > Z) {
				hits.add(new Score(rule, group.get(i), v[i], median, z, v.length));
			}
			else {
				highestBackgroundZ.merge(rule, z, Math::max);
			}
		}
	}

	static double median(double[] v) {
		Arrays.sort(v);
		int n = v.length;
		return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	}
}
