package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.rules.KnowledgeBase.AgeBand;
import org.fundguard.rules.LineGroups.Group;
import org.fundguard.rules.LineRules.Named;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The knowledge-base restrictions on fee lines (限性别, 限年龄, 限就医方式, 超频次, 互斥项目). Each builds its query from the
 * items index as it is when the run starts ({@link KnowledgeBase}), one clause per distinct restriction, so a
 * catalogue imported alone applies to claims already loaded. Jurisdiction: the settlement's medical_region.
 */
@Configuration
class KnowledgeBaseRules {

	static final Map<String, String> GENDERS = Map.of("1", "男性", "2", "女性");
	static final Map<String, String> MED_TYPES = Map.of("11", "普通门诊", "14", "门诊慢特病", "21", "住院", "41", "定点药店购药");

	/** Lines of the visits in the window whose settlement's medical_region is in the jurisdiction. */
	static String lines(Scope scope) {
		return Q.filter(Q.days(FeeLines.VISIT_START, scope.window().from(), scope.window().to()),
				Q.prefixes(FeeLines.MEDICAL_REGION, scope.regions()));
	}

	/** Lines of gender-only items billed for a person of the other gender. */
	static String genderQuery(KnowledgeBase kb) {
		List<String> clauses = new ArrayList<>();
		kb.byGender().forEach((gender, items) -> clauses.add(Q.filterNot(
				String.join(",", Q.terms(FeeLines.ITEM_CODE, items), Q.exists(FeeLines.GENDER)), Q.term(FeeLines.GENDER, gender))));
		return Q.anyOf(clauses);
	}

	/** Lines of age-restricted items billed for a person whose age at the visit is outside the band (ends inclusive). */
	static String ageQuery(KnowledgeBase kb) {
		List<String> clauses = new ArrayList<>();
		kb.byAgeBand().forEach((band, items) -> {
			List<String> outside = new ArrayList<>();
			if (band.min() != null) {
				outside.add(Q.lt(FeeLines.AGE_AT_VISIT, band.min()));
			}
			if (band.max() != null) {
				outside.add(Q.gt(FeeLines.AGE_AT_VISIT, band.max()));
			}
			clauses.add(Q.filter(Q.terms(FeeLines.ITEM_CODE, items), Q.anyOf(outside)));
		});
		return Q.anyOf(clauses);
	}

	/** Lines of items payable under some med_types only, in a settlement of another med_type. */
	static String medTypeQuery(KnowledgeBase kb) {
		List<String> clauses = new ArrayList<>();
		kb.byMedTypes().forEach((types, items) -> clauses.add(Q.filterNot(
				String.join(",", Q.terms(FeeLines.ITEM_CODE, items), Q.exists(FeeLines.MED_TYPE)),
				Q.terms(FeeLines.MED_TYPE, types.stream().sorted().toList()))));
		return Q.anyOf(clauses);
	}

	@Bean
	Evaluator genderRestricted(ClaimIndices ix) {
		return new Named("GenderRestricted", (scope, hits) -> {
			KnowledgeBase kb = KnowledgeBase.of(scope, ix.items());
			restricted(scope, ix, genderQuery(kb), hits, g -> genderHit(kb, g));
		});
	}

	/**
	 * The judgments below decide and word a hit for one settlement + item, after the batch query found the candidates,
	 * and for the pre-settlement check ({@link SettlementCheck}); null when the lines keep to the restriction.
	 */
	static Hit genderHit(KnowledgeBase kb, Group g) {
		String only = kb.genderOnly(g.itemCode());
		String gender = g.first().path(FeeLines.GENDER).asText("");
		if (only == null || gender.isEmpty() || only.equals(gender)) {
			return null;
		}
		return new Hit(g.subjectKey(), "provider", g.provider(), null, null,
				name(g) + " 限" + GENDERS.getOrDefault(only, only) + "使用，参保人为" + GENDERS.getOrDefault(gender, gender),
				List.of(g.settlementId()), g.lineRefs(), Rounding.money(g.sum(FeeLines.AMOUNT)), g.month());
	}

	static Hit ageHit(KnowledgeBase kb, Group g) {
		AgeBand band = kb.ageBand(g.itemCode());
		if (band == null || !g.first().hasNonNull(FeeLines.AGE_AT_VISIT)) {
			return null;
		}
		int age = g.first().path(FeeLines.AGE_AT_VISIT).asInt();
		if (band.allows(age)) {
			return null;
		}
		Integer broken = band.min() != null && age < band.min() ? band.min() : band.max();
		return new Hit(g.subjectKey(), "provider", g.provider(), (double) age, broken == null ? null : broken.doubleValue(),
				name(g) + " " + band.text() + "，参保人就诊时 " + age + " 岁", List.of(g.settlementId()), g.lineRefs(),
				Rounding.money(g.sum(FeeLines.AMOUNT)), g.month());
	}

	static Hit medTypeHit(KnowledgeBase kb, Group g) {
		Set<String> allowed = kb.medTypes(g.itemCode());
		String medType = g.first().path(FeeLines.MED_TYPE).asText("");
		if (allowed == null || medType.isEmpty() || allowed.contains(medType)) {
			return null;
		}
		return new Hit(g.subjectKey(), "provider", g.provider(), null, null,
				name(g) + " 限" + String.join("、", allowed.stream().sorted().map(t -> MED_TYPES.getOrDefault(t, t)).toList())
						+ "支付，本次为" + MED_TYPES.getOrDefault(medType, medType),
				List.of(g.settlementId()), g.lineRefs(), Rounding.money(g.sum(FeeLines.AMOUNT)), g.month());
	}

	/** One settlement's quantity of an item on one day ({@code key} ends with the day) above the daily limit. */
	static Hit dailyHit(QuantitySums.Over o) {
		String day = o.key().substring(o.key().lastIndexOf('|') + 1);
		return new Hit(o.key(), "provider", o.lines().provider(), Rounding.value(o.sum()), o.limit(),
				name(o.lines()) + " " + day + " 共 " + Rounding.text(o.sum()) + "，每日限量 " + Rounding.text(o.limit()),
				List.of(o.lines().settlementId()), o.lines().lineRefs(),
				Rounding.money(o.lines().sum(FeeLines.AMOUNT) * (o.sum() - o.limit()) / o.sum()), o.lines().month());
	}

	@Bean
	Evaluator ageRestricted(ClaimIndices ix) {
		return new Named("AgeRestricted", (scope, hits) -> {
			KnowledgeBase kb = KnowledgeBase.of(scope, ix.items());
			restricted(scope, ix, ageQuery(kb), hits, g -> ageHit(kb, g));
		});
	}

	@Bean
	Evaluator medTypeRestricted(ClaimIndices ix) {
		return new Named("MedTypeRestricted", (scope, hits) -> {
			KnowledgeBase kb = KnowledgeBase.of(scope, ix.items());
			restricted(scope, ix, medTypeQuery(kb), hits, g -> medTypeHit(kb, g));
		});
	}

	/** The lines a restriction query finds, a hit per settlement + item (none when the catalogue has no such restriction). */
	private static void restricted(Scope scope, ClaimIndices ix, String restriction, Consumer<Hit> hits,
			java.util.function.Function<Group, Hit> judge) {
		if (restriction == null) {
			return;
		}
		LineGroups.scan(scope.es(), ix.claims(), Q.filter(restriction, lines(scope)), LineGroups.PERSON_FIELDS, g -> {
			Hit hit = judge.apply(g);
			if (hit != null) {
				hits.accept(hit);
			}
		});
	}

	@Bean
	Evaluator dailyFrequency(ClaimIndices ix) {
		return new Named("DailyFrequency", (scope, hits) -> {
			KnowledgeBase kb = KnowledgeBase.of(scope, ix.items());
			QuantitySums.over(scope.es(), ix.claims(), kb.maxPerDay(), true, lines(scope), o -> hits.accept(dailyHit(o)));
		});
	}

	/**
	 * Only the settlements billing both items of an exclusive pair are read: they are found from the distinct
	 * settlement + item keys of the excluded items ({@link ExclusivePairs}). Their lines
	 * of the excluded items are then streamed by settlement and each settlement's pairs judged in Java.
	 */
	@Bean
	Evaluator exclusiveItems(ClaimIndices ix) {
		return new Named("ExclusiveItems", (scope, hits) -> {
			KnowledgeBase kb = KnowledgeBase.of(scope, ix.items());
			List<String> both = ExclusivePairs.settlements(scope.es(), ix.claims(), kb, lines(scope));
			for (int from = 0; from < both.size(); from += 1000) {
				List<Group> settlement = new ArrayList<>();
				LineGroups.scan(scope.es(), ix.claims(), Q.filter(Q.terms(FeeLines.SETTLEMENT_ID, both.subList(from, Math.min(both.size(), from + 1000))),
						Q.terms(FeeLines.ITEM_CODE, kb.exclusive().keySet())), g -> {
							if (!settlement.isEmpty() && !settlement.getFirst().settlementId().equals(g.settlementId())) {
								pairs(settlement, kb, hits);
								settlement.clear();
							}
							settlement.add(g);
						});
				pairs(settlement, kb, hits);
			}
		});
	}

	/** Every pair of one settlement's items that exclude each other, named in code order. */
	static void pairs(List<Group> items, KnowledgeBase kb, Consumer<Hit> hits) {
		for (int i = 0; i < items.size(); i++) {
			for (int j = i + 1; j < items.size(); j++) {
				Group a = items.get(i).itemCode().compareTo(items.get(j).itemCode()) < 0 ? items.get(i) : items.get(j);
				Group b = a == items.get(i) ? items.get(j) : items.get(i);
				if (!kb.excludes(a.itemCode(), b.itemCode())) {
					continue;
				}
				List<String> refs = new ArrayList<>(a.lineRefs());
				refs.addAll(b.lineRefs());
				double money = Math.min(a.sum(FeeLines.AMOUNT), b.sum(FeeLines.AMOUNT));
				hits.accept(new Hit(a.settlementId() + "|" + a.itemCode() + "|" + b.itemCode(), "provider", a.provider(), null, null,
						name(a) + "（" + a.itemCode() + "）与 " + name(b) + "（" + b.itemCode() + "）互斥，不得在同一结算中收费",
						List.of(a.settlementId()), refs, Rounding.money(money), a.month()));
			}
		}
	}

	private static String name(Group g) {
		return g.first().path(FeeLines.ITEM_NAME).asText(g.itemCode());
	}
}
