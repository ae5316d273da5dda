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

	/**
	 * Hits or buckets per request. Pages are streamed, not held, so a page's size costs round trips rather than
	 * memory; 10,000 is the most hits Elasticsearch returns at once (index.max_result_window).
	 */
	static final int PAGE = 10_000;

	/**
	 * A scan reads only each hit's _source and sort values: without each hit's index name, id and score the page
	 * Elasticsearch serialises (after its took is measured) and the client parses is about a quarter shorter.
	 */
	private static final String HITS_ONLY = "?filter_path=took,timed_out,_shards.failed,hits.hits._source,hits.hits.sort";

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
		return search(index, "", body);
	}

	/** As above, with URL parameters (e.g. {@code ?filter_path=…}). */
	JsonNode search(String index, String parameters, String body) {
		JsonNode response = elastic.send("POST", "/" + index + "/_search" + parameters, body);
		return checked(index, response);
	}

	/** Counts the request and its took, and refuses a missing index or an incomplete (timed-out, failed shard) answer. */
	private JsonNode checked(String index, JsonNode response) {
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

	/**
	 * A search whose array at {@code array} (hits or buckets) is streamed to {@code element} as the response is
	 * parsed; the rest of the response is returned (checked and counted like {@link #search}).
	 */
	private ResponseStream.Read streamed(String index, String query, String body, Consumer<JsonNode> element, String... array) {
		ResponseStream.Read read = elastic.stream("POST", "/" + index + "/_search" + query, body,
				in -> ResponseStream.read(in, element, array));
		checked(index, read == null ? null : read.rest());
		return read;
	}

	/** Every bucket of a composite aggregation, page by page. */
	void composite(String index, String query, String sources, String subAggs, Consumer<JsonNode> bucket) {
		composite(index, query, sources, subAggs, null, PAGE, bucket);
	}

	/**
	 * Every bucket of a composite aggregation, streamed as each page's response is parsed, in pages of
	 * {@code pageSize} buckets; with {@code filterPath}, the response is trimmed by Elasticsearch to those paths (plus
	 * took and the shard and timeout flags) when the buckets carry more than the caller reads.
	 */
	void composite(String index, String query, String sources, String subAggs, String filterPath, int pageSize,
			Consumer<JsonNode> bucket) {
		String trim = filterPath == null ? "" : "?filter_path=took,timed_out,_shards.failed," + filterPath;
		String after = null;
		while (true) {
			String body = "{\"size\":0,\"track_total_hits\":false,\"query\":" + query + ",\"aggs\":{\"c\":{\"composite\":{\"size\":"
					+ pageSize + ",\"sources\":" + sources + (after == null ? "" : ",\"after\":" + after) + "}"
					+ (subAggs == null ? "" : ",\"aggs\":" + subAggs) + "}}}";
			ResponseStream.Read read = streamed(index, trim, body, bucket, "aggregations", "c", "buckets");
			JsonNode afterKey = read.rest().path("aggregations").path("c").path("after_key");
			if (read.count() < pageSize || afterKey.isMissingNode()) {
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
			ResponseStream.Read read = streamed(index, HITS_ONLY, body, h -> hit.accept(h.path("_source")), "hits", "hits");
			if (read.count() < PAGE) {
				return;
			}
			after = read.last().path("sort").toString();
		}
	}
}
