package org.fundguard.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.elastic.ElasticJson;

/**
 * Copies the person's age and gender at the visit from the settlements onto their fee lines where the loader has not
 * put them (the loader of branch kb-data does): what a line-condition rule on age_at_visit reads. Lines that carry
 * them already are left as they are.
 */
final class PersonFactsOnLines {

	private PersonFactsOnLines() {
	}

	static void fill(ElasticJson elastic, ClaimIndices ix, List<String> settlementIds) {
		String ids = settlementIds.stream().map(Q::str).reduce((a, b) -> a + "," + b).orElseThrow();
		JsonNode settlements = elastic.send("POST", "/" + ix.settlements() + "/_search",
				"{\"size\":100,\"query\":{\"terms\":{\"settlement_id\":[" + ids + "]}}}");
		Map<String, JsonNode> bySettlement = new HashMap<>();
		settlements.at("/hits/hits").forEach(h -> bySettlement.put(h.at("/_source/settlement_id").asText(), h.path("_source")));
		JsonNode lines = elastic.send("POST", "/" + ix.claims() + "/_search",
				"{\"size\":1000,\"query\":{\"terms\":{\"settlement_id\":[" + ids + "]}}}");
		for (JsonNode h : lines.at("/hits/hits")) {
			ObjectNode line = (ObjectNode) h.path("_source");
			JsonNode s = bySettlement.get(line.path("settlement_id").asText());
			if (line.has("age_at_visit") || s == null) {
				continue;
			}
			line.set("age_at_visit", s.path("age_at_visit"));
			line.set("gender", s.path("gender"));
			elastic.send("PUT", "/" + h.path("_index").asText() + "/_doc/"
					+ java.net.URLEncoder.encode(h.path("_id").asText(), java.nio.charset.StandardCharsets.UTF_8) + "?refresh=true", line.toString());
		}
	}
}
