package org.fundguard.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.rules.LineGroups.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rules judged on fee lines, one settlement + item at a time. */
@Configuration
class LineRules {

	@Bean
	Evaluator restrictedDiagnosis(RuleIndices ix) {
		return new Named("RestrictedDiagnosis", (scope, hits) -> LineGroups.scan(scope.es(), ix.claims(),
				Q.filter(Q.term("diag_allowed", false), Q.days("visit_start", scope.window().from(), scope.window().to())),
				g -> hits.accept(new Hit(g.subjectKey(), "provider", g.provider(), null, null,
						g.first().path("item_name").asText() + " 限 " + String.join(";", LineGroups.texts(g.first().path("restrict_diag")))
								+ " 支付，诊断为 " + g.first().path("diag_code").asText(),
						List.of(g.settlementId()), g.lineRefs(), Rounding.money(g.sum("amount")), g.month()))));
	}

	@Bean
	Evaluator priceOverCeiling(RuleIndices ix) {
		return new Named("PriceOverCeiling", (scope, hits) -> {
			double tolerance = scope.param("tolerance");
			LineGroups.scan(scope.es(), ix.claims(),
					Q.filter(Q.gt("price_excess", tolerance), Q.days("visit_start", scope.window().from(), scope.window().to())),
					g -> {
						double ceiling = g.first().path("price_ceiling").asDouble();
						double excess = g.lines().stream()
							.mapToDouble(l -> l.path("price_excess").asDouble() * l.path("quantity").asDouble()).sum();
						hits.accept(new Hit(g.subjectKey(), "provider", g.provider(), Rounding.value(g.max("unit_price")),
								Rounding.value(ceiling + tolerance), g.first().path("item_name").asText() + " 单价 "
										+ Rounding.text(g.max("unit_price")) + " 超过限价 " + Rounding.text(ceiling),
								List.of(g.settlementId()), g.lineRefs(), Rounding.money(excess), g.month()));
					});
		});
	}

	@Bean
	Evaluator missingProcedure(RuleIndices ix) {
		return new Named("MissingProcedure", (scope, hits) -> {
			List<Group> page = new ArrayList<>();
			LineGroups.scan(scope.es(), ix.claims(),
					Q.filter(Q.exists("requires_tag"), Q.days("visit_start", scope.window().from(), scope.window().to())), g -> {
						page.add(g);
						if (page.size() >= 1000) {
							judgeMissing(scope, ix, page, hits);
						}
					});
			judgeMissing(scope, ix, page, hits);
		});
	}

	/** A page of lines needing a procedure, judged against their settlements' item tags. */
	private static void judgeMissing(Scope scope, RuleIndices ix, List<Group> page, Consumer<Hit> hits) {
		if (page.isEmpty()) {
			return;
		}
		Map<String, List<String>> tags = new HashMap<>();
		List<String> ids = page.stream().map(Group::settlementId).distinct().toList();
		scope.es().scan(ix.settlements(), Q.filter(Q.terms("settlement_id", ids)), "[{\"settlement_id\":\"asc\"}]",
				"[\"settlement_id\",\"item_tags\"]",
				s -> tags.put(s.path("settlement_id").asText(), LineGroups.texts(s.path("item_tags"))));
		for (Group g : page) {
			List<String> required = LineGroups.texts(g.first().path("requires_tag"));
			List<String> present = tags.getOrDefault(g.settlementId(), List.of());
			if (required.stream().noneMatch(present::contains)) {
				hits.accept(new Hit(g.subjectKey(), "provider", g.provider(), null, null,
						g.first().path("item_name").asText() + " 需同时收取 " + String.join(";", required) + " 类项目，本次结算没有",
						List.of(g.settlementId()), g.lineRefs(), Rounding.money(g.sum("amount")), g.month()));
			}
		}
		page.clear();
	}

	/**
	 * Quantities per settlement + item from a paged composite aggregation (trimmed to keys and the two sums by
	 * filter_path); the groups over the limit are kept and their lines fetched at the end, a thousand settlements per
	 * search.
	 */
	@Bean
	Evaluator quantityOverLimit(RuleIndices ix) {
		return new Named("QuantityOverLimit", (scope, hits) -> {
			String query = Q.filter(Q.exists("max_qty_per_visit"), Q.days("visit_start", scope.window().from(), scope.window().to()));
			Map<String, double[]> over = new java.util.LinkedHashMap<>();
			scope.es().compositePages(ix.claims(), query,
					"[{\"s\":{\"terms\":{\"field\":\"settlement_id\"}}},{\"i\":{\"terms\":{\"field\":\"item_code\"}}}]",
					"{\"q\":{\"sum\":{\"field\":\"quantity\"}},\"m\":{\"max\":{\"field\":\"max_qty_per_visit\"}}}",
					"aggregations.c.after_key,aggregations.c.buckets.key,aggregations.c.buckets.q.value,aggregations.c.buckets.m.value",
					page -> {
						for (JsonNode b : page) {
							double q = b.at("/q/value").asDouble();
							double m = b.at("/m/value").asDouble();
							if (q > m + 1e-9) {
								over.put(b.at("/key/s").asText() + "|" + b.at("/key/i").asText(), new double[] { q, m });
							}
						}
					});
			List<String> keys = new ArrayList<>(over.keySet());
			for (int i = 0; i < keys.size(); i += 1000) {
				Map<String, double[]> part = new HashMap<>();
				keys.subList(i, Math.min(keys.size(), i + 1000)).forEach(k -> part.put(k, over.get(k)));
				evidence(scope, ix, part, hits);
			}
		});
	}

	private static void evidence(Scope scope, RuleIndices ix, Map<String, double[]> over, Consumer<Hit> hits) {
		List<String> settlements = over.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).distinct().toList();
		LineGroups.scan(scope.es(), ix.claims(), Q.filter(Q.terms("settlement_id", settlements), Q.exists("max_qty_per_visit")),
				g -> {
					double[] qm = over.get(g.subjectKey());
					if (qm == null) {
						return;
					}
					double money = g.sum("amount") * (qm[0] - qm[1]) / qm[0];
					hits.accept(new Hit(g.subjectKey(), "provider", g.provider(), Rounding.value(qm[0]), qm[1],
							g.first().path("item_name").asText() + " 本次结算共 " + Rounding.text(qm[0]) + "，限量 " + Rounding.text(qm[1]),
							List.of(g.settlementId()), g.lineRefs(), Rounding.money(money), g.month()));
				});
	}

	/** An evaluator given by a name and a function. */
	record Named(String name, Body body) implements Evaluator {

		interface Body {
			void evaluate(Scope scope, Consumer<Hit> hits);
		}

		@Override
		public void evaluate(Scope scope, Consumer<Hit> hits) {
			body.evaluate(scope, hits);
		}
	}
}
