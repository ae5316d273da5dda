package org.fundguard.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimsSchema.Items;

/**
 * The item restrictions (知识库) as the items index holds them when a run starts, grouped by value so that each rule
 * asks Elasticsearch one clause per distinct restriction rather than per item. The rules read this, not the copies
 * the loader made on the fee lines: a catalogue imported alone reaches claims loaded before it at the next run.
 */
record KnowledgeBase(Map<String, String> names, Map<String, List<String>> byGender, Map<AgeBand, List<String>> byAgeBand,
		Map<Set<String>, List<String>> byMedTypes, Map<String, Double> maxPerDay, Map<String, Double> maxPerVisit,
		Map<String, Set<String>> exclusive, Map<String, List<String>> restrictDiag, Map<String, BigDecimal> ceilings) {

	/** An age restriction: whole years, both ends inclusive, either end open (null). */
	record AgeBand(Integer min, Integer max) {

		boolean allows(int age) {
			return (min == null || age >= min) && (max == null || age <= max);
		}

		/** 限 6–17 岁, 限 60 岁及以上, 限 17 岁及以下. */
		String text() {
			if (min != null && max != null) {
				return "限 " + min + "–" + max + " 岁";
			}
			return min != null ? "限 " + min + " 岁及以上" : "限 " + max + " 岁及以下";
		}
	}

	static final String FIELDS = Q.fields(Items.ITEM_CODE, Items.ITEM_NAME, Items.GENDER_ONLY, Items.MIN_AGE, Items.MAX_AGE,
			Items.MED_TYPES, Items.MAX_QTY_PER_DAY, Items.MAX_QTY_PER_VISIT, Items.EXCLUSIVE_WITH, Items.RESTRICT_DIAG,
			Items.PRICE_CEILING);

	/** The restricted items of the items index, read in one scan (the catalogue has thousands of items, not millions). */
	static KnowledgeBase read(Searches es, String index) {
		List<JsonNode> items = new ArrayList<>();
		String any = "{\"bool\":{\"should\":[" + String.join(",", Q.exists(Items.GENDER_ONLY), Q.exists(Items.MIN_AGE),
				Q.exists(Items.MAX_AGE), Q.exists(Items.MED_TYPES), Q.exists(Items.MAX_QTY_PER_DAY),
				Q.exists(Items.MAX_QTY_PER_VISIT), Q.exists(Items.EXCLUSIVE_WITH), Q.exists(Items.RESTRICT_DIAG),
				Q.exists(Items.PRICE_CEILING)) + "],\"minimum_should_match\":1}}";
		es.scan(index, any, Q.ascending(Items.ITEM_CODE), FIELDS, items::add);
		return of(items);
	}

	/** The knowledge base of item documents (as the items index holds them). */
	static KnowledgeBase of(List<JsonNode> items) {
		Map<String, String> names = new HashMap<>();
		Map<String, List<String>> byGender = new TreeMap<>();
		Map<AgeBand, List<String>> byAgeBand = new HashMap<>();
		Map<Set<String>, List<String>> byMedTypes = new HashMap<>();
		Map<String, Double> maxPerDay = new TreeMap<>();
		Map<String, Double> maxPerVisit = new TreeMap<>();
		Map<String, Set<String>> exclusive = new TreeMap<>();
		Map<String, List<String>> restrictDiag = new TreeMap<>();
		Map<String, BigDecimal> ceilings = new TreeMap<>();
		for (JsonNode item : items) {
			String code = item.path(Items.ITEM_CODE).asText();
			names.put(code, item.path(Items.ITEM_NAME).asText(code));
			String gender = item.path(Items.GENDER_ONLY).asText("");
			if (!gender.isEmpty()) {
				byGender.computeIfAbsent(gender, g -> new ArrayList<>()).add(code);
			}
			Integer min = item.hasNonNull(Items.MIN_AGE) ? item.get(Items.MIN_AGE).asInt() : null;
			Integer max = item.hasNonNull(Items.MAX_AGE) ? item.get(Items.MAX_AGE).asInt() : null;
			if (min != null || max != null) {
				byAgeBand.computeIfAbsent(new AgeBand(min, max), b -> new ArrayList<>()).add(code);
			}
			List<String> medTypes = LineGroups.texts(item.path(Items.MED_TYPES));
			if (!medTypes.isEmpty()) {
				byMedTypes.computeIfAbsent(Set.copyOf(new TreeSet<>(medTypes)), m -> new ArrayList<>()).add(code);
			}
			if (item.hasNonNull(Items.MAX_QTY_PER_DAY)) {
				maxPerDay.put(code, item.get(Items.MAX_QTY_PER_DAY).asDouble());
			}
			if (item.hasNonNull(Items.MAX_QTY_PER_VISIT)) {
				maxPerVisit.put(code, item.get(Items.MAX_QTY_PER_VISIT).asDouble());
			}
			List<String> diagnoses = LineGroups.texts(item.path(Items.RESTRICT_DIAG));
			if (!diagnoses.isEmpty()) {
				restrictDiag.put(code, List.copyOf(new TreeSet<>(diagnoses)));
			}
			if (item.hasNonNull(Items.PRICE_CEILING)) {
				// the decimal the catalogue wrote (a double's shortest text), so that a price exactly at the ceiling plus
				// the tolerance is compared as decimals, not as the sum of two doubles
				ceilings.put(code, new BigDecimal(item.get(Items.PRICE_CEILING).asText()).stripTrailingZeros());
			}
			// the relation holds when either side names the other: kept both ways
			for (String other : LineGroups.texts(item.path(Items.EXCLUSIVE_WITH))) {
				if (!other.equals(code)) {
					exclusive.computeIfAbsent(code, c -> new TreeSet<>()).add(other);
					exclusive.computeIfAbsent(other, c -> new TreeSet<>()).add(code);
				}
			}
		}
		return new KnowledgeBase(names, byGender, byAgeBand, byMedTypes, maxPerDay, maxPerVisit, exclusive, restrictDiag,
				ceilings);
	}

	/** The run's knowledge base, read once and shared by its rules. */
	static KnowledgeBase of(Scope scope, String index) {
		return scope.shared("knowledge-base", () -> read(scope.es(), index));
	}

	String name(String code) {
		return names.getOrDefault(code, code);
	}

	/** The items payable only for some diagnoses, grouped by their list of ICD-10 prefixes. */
	Map<List<String>, List<String>> byRestrictDiag() {
		Map<List<String>, List<String>> out = new HashMap<>();
		restrictDiag.forEach((code, prefixes) -> out.computeIfAbsent(prefixes, p -> new ArrayList<>()).add(code));
		return out;
	}

	/** The items with a price ceiling, grouped by it. */
	Map<BigDecimal, List<String>> byCeiling() {
		Map<BigDecimal, List<String>> out = new TreeMap<>();
		ceilings.forEach((code, ceiling) -> out.computeIfAbsent(ceiling, c -> new ArrayList<>()).add(code));
		return out;
	}

	/**
	 * Whether the item is payable with this principal diagnosis: no restriction, or the diagnosis starts with one of
	 * its prefixes. The batch rule's query finds the candidates; this decides, for the batch and the pre-settlement check.
	 */
	boolean diagnosisAllowed(String code, String diagnosis) {
		List<String> prefixes = restrictDiag.get(code);
		return prefixes == null || (diagnosis != null && prefixes.stream().anyMatch(diagnosis::startsWith));
	}

	/** A unit price above the item's ceiling plus the tolerance, compared as decimals (no ceiling: never). */
	boolean overCeiling(String code, BigDecimal unitPrice, BigDecimal tolerance) {
		BigDecimal ceiling = ceilings.get(code);
		return ceiling != null && unitPrice != null && unitPrice.compareTo(ceiling.add(tolerance)) > 0;
	}

	/** The gender an item is restricted to, or null. */
	String genderOnly(String code) {
		return byGender.entrySet().stream().filter(e -> e.getValue().contains(code)).map(Map.Entry::getKey).findFirst()
			.orElse(null);
	}

	/** The age band an item is restricted to, or null. */
	AgeBand ageBand(String code) {
		return byAgeBand.entrySet().stream().filter(e -> e.getValue().contains(code)).map(Map.Entry::getKey).findFirst()
			.orElse(null);
	}

	/** The med_types an item is payable under, or null when it has no such restriction. */
	Set<String> medTypes(String code) {
		return byMedTypes.entrySet().stream().filter(e -> e.getValue().contains(code)).map(Map.Entry::getKey).findFirst()
			.orElse(null);
	}

	boolean excludes(String a, String b) {
		return exclusive.getOrDefault(a, Set.of()).contains(b);
	}
}
