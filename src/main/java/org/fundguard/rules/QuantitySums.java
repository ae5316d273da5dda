package org.fundguard.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.rules.LineGroups.Group;

/**
 * Quantities of limited items summed per settlement + item (+ day) by a composite aggregation over the lines of the
 * items that have a limit in the current catalogue, the sums compared with the limits in Java (this Elasticsearch has
 * neither bucket_selector nor Painless); the lines of the keys over their limit are then fetched as the evidence,
 * a thousand keys per search. A composite bucket's sum is the whole settlement's, however its lines are spread over
 * shards and yearly indices: the per-visit limits once read a terms aggregation per item ordered by summed quantity
 * instead, which ranked each shard's partial sums and lost settlements over the limit on several shards
 * (quantity-over-limit: 24 hits on one shard, 20 on three).
 */
final class QuantitySums {

	/** One key over its limit, with its lines. */
	record Over(String key, String itemCode, double sum, double limit, Group lines) {
	}

	private static final int EVIDENCE_PAGE = 1000;

	private QuantitySums() {
	}

	/**
	 * The settlement + item keys (with {@code perDay}, settlement + item + yyyy-MM-dd of item_time) whose summed quantity
	 * is above the item's limit in {@code limits}; {@code filter} narrows the lines (window, jurisdiction).
	 */
	static void over(Searches es, String index, Map<String, Double> limits, boolean perDay, String filter, Consumer<Over> out) {
		if (limits.isEmpty()) {
			return;
		}
		String query = Q.filter(Q.terms(FeeLines.ITEM_CODE, limits.keySet()), filter);
		String sources = "[" + Q.termsSource("s", FeeLines.SETTLEMENT_ID) + "," + Q.termsSource("i", FeeLines.ITEM_CODE)
				+ (perDay ? ",{\"d\":{\"date_histogram\":{\"field\":\"" + FeeLines.ITEM_DATE
						+ "\",\"calendar_interval\":\"1d\",\"format\":\"yyyy-MM-dd\"}}}" : "") + "]";
		Map<String, double[]> page = new LinkedHashMap<>();
		es.composite(index, query, sources, "{\"q\":" + Q.sum(FeeLines.QUANTITY) + "}",
				"aggregations.c.after_key,aggregations.c.buckets.key,aggregations.c.buckets.q", Searches.PAGE, b -> {
					String item = b.at("/key/i").asText();
					double sum = b.at("/q/value").asDouble();
					double limit = limits.get(item);
					if (exceeds(sum, limit)) {
						String key = b.at("/key/s").asText() + "|" + item + (perDay ? "|" + b.at("/key/d").asText() : "");
						page.put(key, new double[] { sum, limit });
						if (page.size() >= EVIDENCE_PAGE) {
							evidence(es, index, page, perDay, out);
						}
					}
				});
		evidence(es, index, page, perDay, out);
	}

	/** Strictly more than the limit; sums of decimal quantities are compared with a tolerance for binary rounding. */
	static boolean exceeds(double sum, double limit) {
		return sum > limit + 1e-9;
	}

	private static void evidence(Searches es, String index, Map<String, double[]> page, boolean perDay, Consumer<Over> out) {
		if (page.isEmpty()) {
			return;
		}
		Set<String> settlements = new TreeSet<>();
		Set<String> items = new TreeSet<>();
		for (String k : page.keySet()) {
			String[] parts = k.split("\\|");
			settlements.add(parts[0]);
			items.add(parts[1]);
		}
		LineGroups.scan(es, index, Q.filter(Q.terms(FeeLines.SETTLEMENT_ID, settlements), Q.terms(FeeLines.ITEM_CODE, items)), g -> {
			for (Group part : perDay ? byDay(g) : List.of(g)) {
				String key = part.subjectKey() + (perDay ? "|" + part.first().path(FeeLines.ITEM_DATE).asText() : "");
				double[] sumAndLimit = page.get(key);
				if (sumAndLimit != null) {
					out.accept(new Over(key, g.itemCode(), part.sum(FeeLines.QUANTITY), sumAndLimit[1], part));
				}
			}
		});
		page.clear();
	}

	/** A settlement + item's lines split by the day of item_time, in line order within each day. */
	static List<Group> byDay(Group g) {
		Map<String, List<JsonNode>> days = new LinkedHashMap<>();
		g.lines().forEach(l -> days.computeIfAbsent(l.path(FeeLines.ITEM_DATE).asText(), d -> new ArrayList<>()).add(l));
		return days.values().stream().map(lines -> new Group(g.settlementId(), g.itemCode(), List.copyOf(lines))).toList();
	}
}
