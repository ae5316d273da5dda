package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.fundguard.claims.ClaimsSchema.FeeLines;

/**
 * The settlements that bill both items of some exclusive pair. Streaming every line of the excluded items (ward and
 * nursing fees are on most inpatient days) to find the few settlements with both would read a tenth of all lines;
 * instead a composite aggregation pages the distinct settlement + item keys of those items, in settlement order, and
 * each settlement's items are judged here. A composite bucket is complete whatever the shards and indices the lines
 * are spread over (the claims alias spans a yearly index each, of several shards); a terms aggregation ordered by a
 * per-settlement count, as before, ranked each shard's partial count and lost settlements whose two items were on
 * different shards (exclusive-items: 26 hits on one shard, 17 on three).
 */
final class ExclusivePairs {

	private ExclusivePairs() {
	}

	/** The pairs of the knowledge base, each once, in code order. */
	static List<List<String>> pairs(KnowledgeBase kb) {
		List<List<String>> out = new ArrayList<>();
		kb.exclusive().forEach((a, others) -> others.stream().filter(b -> a.compareTo(b) < 0).forEach(b -> out.add(List.of(a, b))));
		return out;
	}

	static List<String> settlements(Searches es, String index, KnowledgeBase kb, String filter) {
		return settlements(es, index, pairs(kb), filter, Searches.PAGE);
	}

	/** As above, for {@code pairs}, reading {@code pageSize} settlement + item keys a request. */
	static List<String> settlements(Searches es, String index, List<List<String>> pairs, String filter, int pageSize) {
		Set<String> items = new TreeSet<>();
		pairs.forEach(items::addAll);
		List<String> out = new ArrayList<>();
		if (items.isEmpty()) {
			return out;
		}
		String[] current = { null };
		Set<String> billed = new TreeSet<>();
		String sources = "[" + Q.termsSource("s", FeeLines.SETTLEMENT_ID) + "," + Q.termsSource("i", FeeLines.ITEM_CODE) + "]";
		es.composite(index, Q.filter(Q.terms(FeeLines.ITEM_CODE, items), filter), sources, null,
				"aggregations.c.after_key,aggregations.c.buckets.key", pageSize, b -> {
					String settlement = b.at("/key/s").asText();
					if (!settlement.equals(current[0])) {
						judge(current[0], billed, pairs, out);
						current[0] = settlement;
						billed.clear();
					}
					billed.add(b.at("/key/i").asText());
				});
		judge(current[0], billed, pairs, out);
		return out;
	}

	private static void judge(String settlement, Set<String> billed, List<List<String>> pairs, List<String> out) {
		if (settlement != null && billed.size() >= 2 && pairs.stream().anyMatch(billed::containsAll)) {
			out.add(settlement);
		}
	}
}
