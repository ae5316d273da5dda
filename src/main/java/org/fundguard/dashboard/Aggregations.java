package org.fundguard.dashboard;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.elastic.ElasticJson;
import org.springframework.stereotype.Component;

/**
 * Composite aggregations, page by page: the dashboard reads Elasticsearch only through aggregations (size 0, never a
 * scan of documents), so its cost grows with the number of buckets (funds × months, rules × months), not of lines.
 */
@Component
class Aggregations {

	private static final int PAGE = 1000;

	private final ElasticJson elastic;

	Aggregations(ElasticJson elastic) {
		this.elastic = elastic;
	}

	void composite(String index, String query, String sources, String aggs, Consumer<JsonNode> bucket) {
		String after = null;
		do {
			String body = "{\"size\":0,\"track_total_hits\":false,\"query\":" + query + ",\"aggs\":{\"c\":{\"composite\":{\"size\":" + PAGE
					+ ",\"sources\":" + sources + (after == null ? "" : ",\"after\":" + after) + "}"
					+ (aggs == null ? "" : ",\"aggs\":" + aggs) + "}}}";
			JsonNode c = elastic.send("POST", "/" + index + "/_search", body).path("aggregations").path("c");
			c.path("buckets").forEach(bucket);
			after = c.path("buckets").size() < PAGE || c.path("after_key").isMissingNode() ? null : c.path("after_key").toString();
		}
		while (after != null);
	}

	JsonNode search(String index, String body) {
		return elastic.send("POST", "/" + index + "/_search", body);
	}

	static String terms(String name, String field) {
		return "{\"" + name + "\":{\"terms\":{\"field\":\"" + field + "\"}}}";
	}

	static String prefixes(String field, java.util.List<String> prefixes) {
		if (prefixes.isEmpty()) {
			return "{\"match_all\":{}}";
		}
		StringBuilder s = new StringBuilder("{\"bool\":{\"minimum_should_match\":1,\"should\":[");
		for (int i = 0; i < prefixes.size(); i++) {
			s.append(i == 0 ? "" : ",").append("{\"prefix\":{\"").append(field).append("\":\"").append(prefixes.get(i)).append("\"}}");
		}
		return s.append("]}}").toString();
	}
}
