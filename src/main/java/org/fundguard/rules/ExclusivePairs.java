package org.fundguard.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimsSchema.FeeLines;

/**
 * The settlements that bill both items of some exclusive pair. Streaming every line of the excluded items (ward and
 * nursing fees are on most inpatient days) to find the few settlements with both would read a tenth of all lines;
 * instead, per pair, the settlements with a line of either item are ordered by how many distinct items of the two
 * they bill (exact at two: cardinality counts small sets exactly; the claims index has one shard), and read only
 * while that is two, asking again with more for a pair whose last settlement still had both.
 */
final class ExclusivePairs {

	static final int FIRST_TOP = 200;
	/**
	 * The cardinality's precision: it counts at most two items exactly. With the default (3,000) every settlement
	 * bucket held a 16 KB sketch, and at 2 million lines the request tripped Elasticsearch's memory breaker (772 MB).
	 */
	static final int PRECISION = 16;
	static final int MOST_TOP = 20_000;

	private ExclusivePairs() {
	}

	/** The pairs of the knowledge base, each once, in code order. */
	static List<List<String>> pairs(KnowledgeBase kb) {
		List<List<String>> out = new ArrayList<>();
		kb.exclusive().forEach((a, others) -> others.stream().filter(b -> a.compareTo(b) < 0).forEach(b -> out.add(List.of(a, b))));
		return out;
	}

	static List<String> settlements(Searches es, String index, KnowledgeBase kb, String filter) {
		return settlements(es, index, pairs(kb), filter, FIRST_TOP);
	}

	static List<String> settlements(Searches es, String index, List<List<String>> pairs, String filter, int firstTop) {
		Set<String> out = new TreeSet<>();
		Map<List<String>, Integer> pending = new LinkedHashMap<>();
		pairs.forEach(p -> pending.put(p, firstTop));
		while (!pending.isEmpty()) {
			List<List<String>> asked = new ArrayList<>();
			int buckets = 0;
			for (Map.Entry<List<String>, Integer> e : pending.entrySet()) {
				if (!asked.isEmpty() && buckets + e.getValue() > 3 * MOST_TOP) {
					break; // Elasticsearch refuses more than 65,536 buckets in one response
				}
				asked.add(e.getKey());
				buckets += e.getValue();
			}
			StringBuilder aggs = new StringBuilder();
			Set<String> items = new TreeSet<>();
			for (int k = 0; k < asked.size(); k++) {
				items.addAll(asked.get(k));
				aggs.append(k == 0 ? "" : ",").append("\"p").append(k).append("\":{\"filter\":")
					.append(Q.terms(FeeLines.ITEM_CODE, asked.get(k))).append(",\"aggs\":{\"s\":{\"terms\":{\"field\":\"")
					.append(FeeLines.SETTLEMENT_ID).append("\",\"size\":").append(pending.get(asked.get(k)))
					.append(",\"order\":{\"n\":\"desc\"}},\"aggs\":{\"n\":{\"cardinality\":{\"field\":\"").append(FeeLines.ITEM_CODE)
					.append("\",\"precision_threshold\":").append(PRECISION).append("}}}}}}");
			}
			JsonNode response = es.search(index, "?filter_path=took,timed_out,_shards.failed,aggregations.*.s.buckets.key,aggregations.*.s.buckets.n.value",
					"{\"size\":0,\"track_total_hits\":false,\"query\":" + Q.filter(Q.terms(FeeLines.ITEM_CODE, items), filter)
							+ ",\"aggs\":{" + aggs + "}}");
			for (int k = 0; k < asked.size(); k++) {
				JsonNode top = response.at("/aggregations/p" + k + "/s/buckets");
				int size = pending.remove(asked.get(k));
				boolean more = top.size() >= size && top.get(top.size() - 1).at("/n/value").asInt() >= 2;
				if (more) {
					if (size >= MOST_TOP) {
						throw new IllegalStateException("more than " + MOST_TOP + " settlements bill both " + asked.get(k));
					}
					pending.put(asked.get(k), size * 10);
					continue;
				}
				top.forEach(b -> {
					if (b.at("/n/value").asInt() >= 2) {
						out.add(b.path("key").asText());
					}
				});
			}
		}
		return List.copyOf(out);
	}
}
