package org.fundguard.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.rules.LineGroups.Group;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rules judged on fee lines, one settlement + item at a time. */
@Configuration
class LineRules {

	/**
	 * Reads the diagnosis restrictions from the items index when the run starts (as the knowledge-base rules do), not
	 * the copies the loader made on the lines: a catalogue imported alone reaches claims loaded before it.
	 */
	@Bean
	Evaluator restrictedDiagnosis(ClaimIndices ix) {
		return new Named("RestrictedDiagnosis", (scope, hits) -> {
			KnowledgeBase kb = KnowledgeBase.of(scope, ix.items());
			List<String> clauses = new ArrayList<>();
			kb.byRestrictDiag().forEach((prefixes, items) -> clauses.add(
					Q.filterNot(Q.terms(FeeLines.ITEM_CODE, items), Q.prefixes(FeeLines.DIAG_CODE, prefixes))));
			scanInChunks(scope, ix, clauses, g -> {
				Hit hit = restrictedDiagnosisHit(kb, g);
				if (hit != null) {
					hits.accept(hit);
				}
			});
		});
	}

	/**
	 * One settlement's lines of one item judged against its diagnosis restriction: the batch rule (on the lines its
	 * query found) and the pre-settlement check ({@link SettlementCheck}) both decide and word the hit here.
	 */
	static Hit restrictedDiagnosisHit(KnowledgeBase kb, Group g) {
		String diagnosis = g.first().path(FeeLines.DIAG_CODE).asText();
		if (kb.diagnosisAllowed(g.itemCode(), diagnosis)) {
			return null;
		}
		return new Hit(g.subjectKey(), "provider", g.provider(), null, null,
				kb.name(g.itemCode()) + " 限 " + String.join(";", kb.restrictDiag().get(g.itemCode())) + " 支付，诊断为 " + diagnosis,
				List.of(g.settlementId()), g.lineRefs(), Rounding.money(g.sum(FeeLines.AMOUNT)), g.month());
	}

	/** The ceilings come from the items index when the run starts, as the diagnosis restrictions do. */
	@Bean
	Evaluator priceOverCeiling(ClaimIndices ix) {
		return new Named("PriceOverCeiling", (scope, hits) -> {
			BigDecimal tolerance = BigDecimal.valueOf(scope.param("tolerance"));
			KnowledgeBase kb = KnowledgeBase.of(scope, ix.items());
			List<String> clauses = new ArrayList<>();
			kb.byCeiling().forEach((ceiling, items) -> clauses.add(Q.filter(Q.terms(FeeLines.ITEM_CODE, items),
					Q.gt(FeeLines.UNIT_PRICE, ceiling.add(tolerance).doubleValue()))));
			scanInChunks(scope, ix, clauses, g -> hits.accept(priceHit(kb, g, tolerance)));
		});
	}

	/** The lines of one item (those above the ceiling plus the tolerance, see {@link #overCeiling}) as one hit. */
	static Hit priceHit(KnowledgeBase kb, Group g, BigDecimal tolerance) {
		double ceiling = kb.ceilings().get(g.itemCode()).doubleValue();
		double excess = g.lines().stream()
			.mapToDouble(l -> (l.path(FeeLines.UNIT_PRICE).asDouble() - ceiling) * l.path(FeeLines.QUANTITY).asDouble()).sum();
		return new Hit(g.subjectKey(), "provider", g.provider(), Rounding.value(g.max(FeeLines.UNIT_PRICE)),
				Rounding.value(ceiling + tolerance.doubleValue()), kb.name(g.itemCode()) + " 单价 "
						+ Rounding.text(g.max(FeeLines.UNIT_PRICE)) + " 超过限价 " + Rounding.text(ceiling),
				List.of(g.settlementId()), g.lineRefs(), Rounding.money(excess), g.month());
	}

	/** The line's unit price is above its item's ceiling plus the tolerance: what the batch query asks Elasticsearch. */
	static boolean overCeiling(KnowledgeBase kb, JsonNode line, BigDecimal tolerance) {
		return kb.overCeiling(line.path(FeeLines.ITEM_CODE).asText(), line.path(FeeLines.UNIT_PRICE).decimalValue(), tolerance);
	}

	/**
	 * The window's lines meeting any of the clauses (one per distinct restriction), a few hundred clauses per search:
	 * a national catalogue has thousands of distinct ceilings, more than one bool query should hold. An item's clause
	 * is in one chunk only, so its lines still come together.
	 */
	private static void scanInChunks(Scope scope, ClaimIndices ix, List<String> clauses, Consumer<Group> each) {
		for (int from = 0; from < clauses.size(); from += CLAUSES_PER_SEARCH) {
			String any = Q.anyOf(clauses.subList(from, Math.min(clauses.size(), from + CLAUSES_PER_SEARCH)));
			LineGroups.scan(scope.es(), ix.claims(),
					Q.filter(any, Q.days(FeeLines.VISIT_START, scope.window().from(), scope.window().to())), each);
		}
	}

	private static final int CLAUSES_PER_SEARCH = 400;

	@Bean
	Evaluator missingProcedure(ClaimIndices ix) {
		return new Named("MissingProcedure", (scope, hits) -> {
			List<Group> page = new ArrayList<>();
			LineGroups.scan(scope.es(), ix.claims(),
					Q.filter(Q.exists(FeeLines.REQUIRES_TAG),
							Q.days(FeeLines.VISIT_START, scope.window().from(), scope.window().to())),
					g -> {
						page.add(g);
						if (page.size() >= 1000) {
							judgeMissing(scope, ix, page, hits);
						}
					});
			judgeMissing(scope, ix, page, hits);
		});
	}

	/** A page of lines needing a procedure, judged against their settlements' item tags. */
	private static void judgeMissing(Scope scope, ClaimIndices ix, List<Group> page, Consumer<Hit> hits) {
		if (page.isEmpty()) {
			return;
		}
		Map<String, List<String>> tags = new HashMap<>();
		List<String> ids = page.stream().map(Group::settlementId).distinct().toList();
		scope.es().scan(ix.settlements(), Q.filter(Q.terms(Settlements.SETTLEMENT_ID, ids)), Q.ascending(Settlements.SETTLEMENT_ID),
				Q.fields(Settlements.SETTLEMENT_ID, Settlements.ITEM_TAGS),
				s -> tags.put(s.path(Settlements.SETTLEMENT_ID).asText(), LineGroups.texts(s.path(Settlements.ITEM_TAGS))));
		for (Group g : page) {
			Hit hit = missingProcedureHit(g, tags.getOrDefault(g.settlementId(), List.of()));
			if (hit != null) {
				hits.accept(hit);
			}
		}
		page.clear();
	}

	/** Lines of an item needing a procedure tag that none of the settlement's items ({@code present}) carries. */
	static Hit missingProcedureHit(Group g, java.util.Collection<String> present) {
		List<String> required = LineGroups.texts(g.first().path(FeeLines.REQUIRES_TAG));
		if (required.isEmpty() || required.stream().anyMatch(present::contains)) {
			return null;
		}
		return new Hit(g.subjectKey(), "provider", g.provider(), null, null,
				g.first().path(FeeLines.ITEM_NAME).asText() + " 需同时收取 " + String.join(";", required) + " 类项目，本次结算没有",
				List.of(g.settlementId()), g.lineRefs(), Rounding.money(g.sum(FeeLines.AMOUNT)), g.month());
	}

	/**
	 * The per-visit limits are read from the items index when the run starts (a catalogue imported alone applies to
	 * claims loaded before it); the sums per settlement + item are paged by {@link QuantitySums#over}.
	 */
	@Bean
	Evaluator quantityOverLimit(ClaimIndices ix) {
		return new Named("QuantityOverLimit", (scope, hits) -> {
			KnowledgeBase kb = KnowledgeBase.of(scope, ix.items());
			QuantitySums.over(scope.es(), ix.claims(), kb.maxPerVisit(), false,
					Q.days(FeeLines.VISIT_START, scope.window().from(), scope.window().to()), o -> hits.accept(quantityHit(o)));
		});
	}

	/** A settlement's quantity of an item above its per-visit limit ({@link QuantitySums#exceeds}) as one hit. */
	static Hit quantityHit(QuantitySums.Over o) {
		Group g = o.lines();
		double q = o.sum();
		double m = o.limit();
		double money = g.sum(FeeLines.AMOUNT) * (q - m) / q;
		return new Hit(g.subjectKey(), "provider", g.provider(), Rounding.value(q), m,
				g.first().path(FeeLines.ITEM_NAME).asText() + " 本次结算共 " + Rounding.text(q) + "，限量 " + Rounding.text(m),
				List.of(g.settlementId()), g.lineRefs(), Rounding.money(money), g.month());
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
