package org.fundguard.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

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
	 * The loader names on each settlement the items whose summed quantity is above their per-visit limit
	 * (qty_over_limit), so only those settlements are searched, instead of paging through every settlement + item
	 * of the window (about 270,000 composite buckets for the benchmark export, nearly all under the limit). Their
	 * lines are fetched a thousand settlement + items at a time, and the sum is checked again on the lines: they are
	 * the evidence, and what the hit reports.
	 */
	@Bean
	Evaluator quantityOverLimit(RuleIndices ix) {
		return new Named("QuantityOverLimit", (scope, hits) -> {
			Set<String> page = new HashSet<>();
			scope.es().scan(ix.settlements(),
					Q.filter(Q.exists("qty_over_limit"), Q.days("visit_start", scope.window().from(), scope.window().to())),
					"[{\"settlement_id\":\"asc\"}]", "[\"settlement_id\",\"qty_over_limit\"]", s -> {
						for (String item : LineGroups.texts(s.path("qty_over_limit"))) {
							page.add(s.path("settlement_id").asText() + "|" + item);
						}
						if (page.size() >= 1000) {
							overLimit(scope, ix, page, hits);
						}
					});
			overLimit(scope, ix, page, hits);
		});
	}

	private static void overLimit(Scope scope, RuleIndices ix, Set<String> keys, Consumer<Hit> hits) {
		if (keys.isEmpty()) {
			return;
		}
		Set<String> settlements = new TreeSet<>();
		Set<String> items = new TreeSet<>();
		for (String k : keys) {
			settlements.add(k.substring(0, k.indexOf('|')));
			items.add(k.substring(k.indexOf('|') + 1));
		}
		LineGroups.scan(scope.es(), ix.claims(), Q.filter(Q.terms("settlement_id", settlements), Q.terms("item_code", items),
				Q.exists("max_qty_per_visit")), g -> {
					if (!keys.contains(g.subjectKey())) {
						return;
					}
					double q = g.sum("quantity");
					double m = g.max("max_qty_per_visit");
					if (q > m + 1e-9) {
						double money = g.sum("amount") * (q - m) / q;
						hits.accept(new Hit(g.subjectKey(), "provider", g.provider(), Rounding.value(q), m,
								g.first().path("item_name").asText() + " 本次结算共 " + Rounding.text(q) + "，限量 " + Rounding.text(m),
								List.of(g.settlementId()), g.lineRefs(), Rounding.money(money), g.month()));
					}
				});
		keys.clear();
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
