package org.fundguard.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.fundguard.claims.ClaimIndices;

/**
 * A peer-outlier rule: non-pharmacy providers in the jurisdiction with at least {@code min_settlements} settlements in
 * the window, grouped by provider type and level; groups smaller than {@code min_peer_group} are not scored; a robust
 * z above {@code z_threshold} is a hit. The provider profiles are read once per run and shared by the four rules.
 */
final class PeerOutlierRule implements Evaluator {

	private final PeerMetric metric;
	private final ClaimIndices ix;

	PeerOutlierRule(PeerMetric metric, ClaimIndices ix) {
		this.metric = metric;
		this.ix = ix;
	}

	@Override
	public String name() {
		return metric.evaluator;
	}

	@Override
	public void evaluate(Scope scope, Consumer<Hit> hits) {
		List<ProviderProfile> profiles = scope.shared("providers|" + scope.window() + "|" + scope.regions(),
				() -> ProviderProfile.load(scope.es(), ix.settlements(), scope.window(), scope.regions()));
		judge(metric, profiles, scope.param("z_threshold"), (long) scope.param("min_settlements"),
				(int) scope.param("min_peer_group"), scope.window(), hits);
	}

	static void judge(PeerMetric metric, List<ProviderProfile> profiles, double threshold, long minSettlements,
			int minGroup, Window window, Consumer<Hit> hits) {
		Map<String, List<ProviderProfile>> groups = new LinkedHashMap<>();
		for (ProviderProfile p : profiles) {
			if (p.settlements() >= minSettlements && metric.value(p) != null) {
				groups.computeIfAbsent(p.peerGroup(), g -> new ArrayList<>()).add(p);
			}
		}
		for (List<ProviderProfile> group : groups.values()) {
			if (group.size() < minGroup) {
				continue;
			}
			double[] values = group.stream().mapToDouble(p -> metric.value(p)).toArray();
			double[] z = RobustZ.scores(values);
			if (z == null) {
				continue;
			}
			double median = RobustZ.median(values);
			for (int i = 0; i < values.length; i++) {
				if (z[i] > threshold) {
					ProviderProfile p = group.get(i);
					hits.accept(new Hit(p.code(), "provider", p.code(), Rounding.value(z[i]), threshold,
							metric.label + " " + Rounding.text(Rounding.value(values[i])) + "，同类同级（" + p.type() + " " + p.level()
									+ "级，" + group.size() + " 家）中位数 " + Rounding.text(Rounding.value(median)) + "，稳健Z " + Rounding.text(Rounding.value(z[i])),
							List.of(), List.of(), Rounding.money(Math.max(0, metric.money(p, values[i], median))),
							window.lastMonth().toString()));
				}
			}
		}
	}
}
