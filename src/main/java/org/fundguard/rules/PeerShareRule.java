package org.fundguard.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.FeeLines;

/**
 * The peer template: per provider, the share of its settlements with a line of the chosen items, or the amount of those
 * items per settlement, scored against its peers with the robust z of the shipped peer rules (same providers, same
 * peer groups, same parameters, the provider profiles shared with them in a run).
 */
final class PeerShareRule implements Evaluator {

	/** What the chosen items came to at one provider. */
	record Usage(long settlements, double amount) {
	}

	private final ClaimIndices ix;

	PeerShareRule(ClaimIndices ix) {
		this.ix = ix;
	}

	@Override
	public String name() {
		return RuleTemplate.PEER_SHARE;
	}

	@Override
	public void evaluate(Scope scope, Consumer<Hit> hits) {
		RuleTemplate t = ComposedRules.template(scope.rule());
		List<ProviderProfile> profiles = scope.shared("providers|" + scope.window() + "|" + scope.regions(),
				() -> ProviderProfile.load(scope.es(), ix.settlements(), scope.window(), scope.regions()));
		Map<String, Usage> usage = usage(scope, t);
		judge(t, profiles, usage, scope.param("z_threshold"), (long) scope.param("min_settlements"),
				(int) scope.param("min_peer_group"), scope.window(), hits);
	}

	/** Settlements with a line of the items, and the items' amount, per provider: one bucket per provider + settlement. */
	private Map<String, Usage> usage(Scope scope, RuleTemplate t) {
		Map<String, long[]> counts = new HashMap<>();
		Map<String, Double> amounts = new HashMap<>();
		scope.es().composite(ix.claims(), t.lineQuery(scope.window(), scope.regions(), FeeLines.PROVIDER_REGION),
				"[" + Q.termsSource("p", FeeLines.PROVIDER_CODE) + "," + Q.termsSource("s", FeeLines.SETTLEMENT_ID) + "]",
				"{\"m\":" + Q.sum(FeeLines.AMOUNT) + "}", "aggregations.c.buckets.key.p,aggregations.c.buckets.m.value,aggregations.c.after_key",
				Searches.PAGE, b -> {
					String p = b.at("/key/p").asText();
					counts.computeIfAbsent(p, k -> new long[1])[0]++;
					amounts.merge(p, b.at("/m/value").asDouble(), Double::sum);
				});
		Map<String, Usage> out = new HashMap<>();
		counts.forEach((p, n) -> out.put(p, new Usage(n[0], amounts.get(p))));
		return out;
	}

	static double value(RuleTemplate t, ProviderProfile p, Usage u) {
		Usage used = u == null ? new Usage(0, 0) : u;
		return "share".equals(t.metric()) ? (double) used.settlements() / p.settlements() : used.amount() / p.settlements();
	}

	static void judge(RuleTemplate t, List<ProviderProfile> profiles, Map<String, Usage> usage, double threshold,
			long minSettlements, int minGroup, Window window, Consumer<Hit> hits) {
		Map<String, List<ProviderProfile>> groups = new LinkedHashMap<>();
		for (ProviderProfile p : profiles) {
			if (p.settlements() >= minSettlements) {
				groups.computeIfAbsent(p.peerGroup(), g -> new ArrayList<>()).add(p);
			}
		}
		String label = "share".equals(t.metric()) ? "含所选项目的结算占比" : "所选项目金额/结算数";
		for (List<ProviderProfile> group : groups.values()) {
			if (group.size() < minGroup) {
				continue;
			}
			double[] values = group.stream().mapToDouble(p -> value(t, p, usage.get(p.code()))).toArray();
			double[] z = RobustZ.scores(values);
			if (z == null) {
				continue;
			}
			double median = RobustZ.median(values);
			for (int i = 0; i < values.length; i++) {
				if (z[i] > threshold) {
					ProviderProfile p = group.get(i);
					Usage u = usage.getOrDefault(p.code(), new Usage(0, 0));
					double money = "share".equals(t.metric()) ? (values[i] == 0 ? 0 : u.amount() * (values[i] - median) / values[i])
							: (values[i] - median) * p.settlements();
					hits.accept(new Hit(p.code(), "provider", p.code(), Rounding.value(z[i]), threshold,
							label + " " + Rounding.text(Rounding.value(values[i])) + "，同类同级（" + p.type() + " " + p.level() + "级，"
									+ group.size() + " 家）中位数 " + Rounding.text(Rounding.value(median)) + "，稳健Z "
									+ Rounding.text(Rounding.value(z[i])),
							List.of(), List.of(), Rounding.money(Math.max(0, money)), window.lastMonth().toString()));
				}
			}
		}
	}
}
