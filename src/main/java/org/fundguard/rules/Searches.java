package org.fundguard.rules;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.elastic.ElasticJson;

/**
 * The Elasticsearch requests of one rule evaluation, with the time Elasticsearch reports ({@code took}) summed so
 * that a run can tell time spent in Elasticsearch from time spent in Java. Paging is by composite {@code after} keys
 * and {@code search_after}: memory never holds more than a page.
 */
final class Searches {

	static final int PAGE = 5000;

	private final ElasticJson elastic;
	private final AtomicLong took = new AtomicLong();
	private final AtomicInteger requests = new AtomicInteger();

	Searches(ElasticJson elastic) {
		this.elastic = elastic;
	}

	long tookMillis() {
		return took.get();
	}

	int requests() {
		return requests.get();
	}

	/** A bulk request of the rule (its signals), with its took counted like a search's. */
	JsonNode bulk(String index, String ndjson) {
		JsonNode response = elastic.send("POST", "/" + index + "/_bulk", ndjson);
		requests.incrementAndGet();
		took.addAndGet(response.path("took").asLong());
		if (response.path("errors").asBoolean()) {
			String text = response.toString();
			throw new IllegalStateException("bulk request to " + index + " failed: " + text.substring(0, Math.min(1000, text.length())));
		}
		return response;
	}

	JsonNode search(String index, String body) {
		return search(index, body, false);
	}

	private JsonNode search(String indexOrPath, String body, boolean path) {
		String index = path ? indexOrPath.substring(0, indexOrPath.indexOf('/')) : indexOrPath;
		JsonNode response = elastic.send("POST", "/" + (path ? indexOrPath : index + "/_search"), body);
		requests.incrementAndGet();
		if (response == null) {
			throw new IllegalStateException("index " + index + " does not exist: load an export first");
		}
		took.addAndGet(response.path("took").asLong());
		if (response.path("timed_out").asBoolean(false) || response.path("_shards").path("failed").asInt(0) > 0) {
			throw new IllegalStateException("search of " + index + " incomplete: " + response.path("_shards"));
		}
		return response;
	}

	/** Every bucket of a composite aggregation, page by page. */
	void composite(String index, String query, String sources, String subAggs, Consumer<JsonNode> bucket) {
		compositePages(index, query, sources, subAggs, page -> page.forEach(bucket));
	}

	/** The buckets of a composite aggregation a page at a time, for callers that fetch evidence per page. */
	void compositePages(String index, String query, String sources, String subAggs, Consumer<JsonNode> page) {
		compositePages(index, query, sources, subAggs, null, page);
	}

	/**
	 * As above, with the response trimmed by Elasticsearch's filter_path to the given paths (plus took and the
	 * shard and timeout flags), when the buckets carry more than the caller reads.
	 */
	void compositePages(String index, String query, String sources, String subAggs, String filterPath, Consumer<JsonNode> page) {
		String after = null;
		while (true) {
			String body = "{\"size\":0,\"track_total_hits\":false,\"query\":" + query + ",\"aggs\":{\"c\":{\"composite\":{\"size\":"
					+ PAGE + ",\"sources\":" + sources + (after == null ? "" : ",\"after\":" + after) + "}"
					+ (subAggs == null ? "" : ",\"aggs\":" + subAggs) + "}}}";
			JsonNode agg = search(filterPath == null ? index : index + "/_search?filter_path=took,timed_out,_shards.failed," + filterPath, body, filterPath != null)
				.path("aggregations").path("c");
			JsonNode buckets = agg.path("buckets");
			if (buckets.size() > 0) {
				page.accept(buckets);
			}
			JsonNode afterKey = agg.path("after_key");
			if (buckets.size() < PAGE || afterKey.isMissingNode()) {
				return;
			}
			after = afterKey.toString();
		}
	}

	/** Every hit of a query in sort order, by search_after; {@code sort} must end with a unique field. */
	void scan(String index, String query, String sort, String fields, Consumer<JsonNode> hit) {
		String after = null;
		while (true) {
			String body = "{\"size\":" + PAGE + ",\"track_total_hits\":false,\"query\":" + query + ",\"sort\":" + sort
					+ ",\"_source\":" + fields + (after == null ? "" : ",\"search_after\":" + after) + "}";
			JsonNode hits = search(index, body).path("hits").path("hits");
			for (JsonNode h : hits) {
				hit.accept(h.path("_source"));
			}
			if (hits.size() < PAGE) {
				return;
			}
			after = hits.get(hits.size() - 1).path("sort").toString();
		}
	}
}
