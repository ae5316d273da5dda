package org.fundguard.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.rules.LineGroups.Group;

/**
 * Quantities of limited items summed per settlement + item (+ day) by a composite aggregation over the lines of the
 * items that have a limit in the current catalogue, the sums compared with the limits in Java (this Elasticsearch has
 * neither bucket_selector nor Painless); the lines of the keys over their limit are then fetched as the evidence,
 * a thousand keys per search.
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

	/** Settlements per item asked for at first by {@link #overPerVisit}: a few more than are usually over the limit. */
	static final int FIRST_TOP = 200;

	/** The most buckets of one item that {@link #overPerVisit} asks for before it pages that item by composite. */
	static final int MOST_TOP = 20_000;

	/**
	 * The settlement + item keys whose summed quantity is above the item's per-visit limit. Paging every settlement +
	 * item of the limited items out of a composite aggregation cost about 270,000 buckets on the benchmark's export, nearly
	 * all under the limit; instead, per item, its settlements ordered by summed quantity, highest first (exact: the
	 * claims index has one shard), are read only down to the limit: one request for all items, again with more
	 * settlements for an item whose last one was still over.
	 */
	static void overPerVisit(Searches es, String index, Map<String, Double> limits, String filter, Consumer<Over> out) {
		overPerVisit(es, index, limits, filter, FIRST_TOP, out);
	}

	/** As above, asking first for {@code firstTop} settlements per item. */
	static void overPerVisit(Searches es, String index, Map<String, Double> limits, String filter, int firstTop, Consumer<Over> out) {
		Map<String, double[]> over = new LinkedHashMap<>();
		Map<String, Integer> pending = new TreeMap<>();
		limits.keySet().forEach(item -> pending.put(item, firstTop));
		while (!pending.isEmpty()) {
			// Elasticsearch refuses a response of more than 65,536 buckets (search.max_buckets)
			List<String> items = new ArrayList<>();
			int buckets = 0;
			for (Map.Entry<String, Integer> e : pending.entrySet()) {
				if (!items.isEmpty() && buckets + e.getValue() > 3 * MOST_TOP) {
					break;
				}
				items.add(e.getKey());
				buckets += e.getValue();
			}
			StringBuilder aggs = new StringBuilder();
			for (int k = 0; k < items.size(); k++) {
				aggs.append(k == 0 ? "" : ",").append("\"i").append(k).append("\":{\"filter\":").append(Q.term(FeeLines.ITEM_CODE, items.get(k)))
					.append(",\"aggs\":{\"s\":{\"terms\":{\"field\":\"").append(FeeLines.SETTLEMENT_ID).append("\",\"size\":")
					.append(pending.get(items.get(k))).append(",\"order\":{\"q\":\"desc\"}},\"aggs\":{\"q\":").append(Q.sum(FeeLines.QUANTITY))
					.append("}}}}");
			}
			JsonNode response = es.search(index, "?filter_path=took,timed_out,_shards.failed,aggregations.*.s.buckets.key,aggregations.*.s.buckets.q.value",
					"{\"size\":0,\"track_total_hits\":false,\"query\":" + Q.filter(Q.terms(FeeLines.ITEM_CODE, items), filter)
							+ ",\"aggs\":{" + aggs + "}}");
			for (int k = 0; k < items.size(); k++) {
				String item = items.get(k);
				double limit = limits.get(item);
				JsonNode top = response.at("/aggregations/i" + k + "/s/buckets");
				int asked = pending.remove(item);
				boolean more = top.size() >= asked && exceeds(top.get(top.size() - 1).at("/q/value").asDouble(), limit);
				if (more && asked < MOST_TOP) {
					pending.put(item, Math.min(MOST_TOP, asked * 10));
					continue;
				}
				if (more) {
					over(es, index, Map.of(item, limit), false, filter, out);
					continue;
				}
				for (JsonNode b : top) {
					double sum = b.at("/q/value").asDouble();
					if (exceeds(sum, limit)) {
						over.put(b.path("key").asText() + "|" + item, new double[] { sum, limit });
					}
				}
			}
		}
		Map<String, double[]> page = new LinkedHashMap<>();
		for (Map.Entry<String, double[]> e : over.entrySet()) {
			page.put(e.getKey(), e.getValue());
			if (page.size() >= EVIDENCE_PAGE) {
				evidence(es, index, page, false, out);
			}
		}
		evidence(es, index, page, false, out);
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
