package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.fundguard.elastic.ElasticJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch requests of one rule evaluation, with the time Elasticsearch reports ({@code took}) summed so
 * that a run can tell time spent in Elasticsearch from time spent in Java. Paging is by composite {@code after} keys
 * and {@code search_after}: memory never holds more than a page.
 */
final class Searches {

	/** At DEBUG, one line per request (path, client ms, took): where the time outside Elasticsearch goes. */
	private static final Logger log = LoggerFactory.getLogger(Searches.class);

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

	/** As {@link #HITS_ONLY}, without the sort values, when the next page's start is read from the _source. */
	private static final String SOURCE_ONLY = "?filter_path=took,timed_out,_shards.failed,hits.hits._source";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final ElasticJson elastic;
	private final AtomicLong took = new AtomicLong();
	private final AtomicInteger requests = new AtomicInteger();
	private final AtomicLong waitedNanos = new AtomicLong();

	Searches(ElasticJson elastic) {
		this.elastic = elastic;
	}

	long tookMillis() {
		return took.get();
	}

	int requests() {
		return requests.get();
	}

	/**
	 * The time the rule's thread was blocked on its requests, from sending each to having its whole response; with
	 * {@link #tookMillis} it tells the time Elasticsearch does not count in its took (sending and parsing the request,
	 * writing the response, a bulk request, whose took is read from a clock that ticks every 200 ms) from the time
	 * spent in Java.
	 */
	long waitedMillis() {
		return waitedNanos.get() / 1_000_000;
	}

	/** A bulk request of the rule (its signals), with its took counted like a search's. */
	JsonNode bulk(String index, String ndjson) {
		long started = System.nanoTime();
		// only took, the errors flag and any item's error: a result line per document (~200 bytes each) was serialised
		// by Elasticsearch and parsed here into a tree that nothing read
		JsonNode response = elastic.send("POST", "/" + index + "/_bulk?filter_path=took,errors,items.*.error", ndjson,
				waitedNanos::addAndGet);
		logged("_bulk", ndjson.length(), started, response);
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
		long started = System.nanoTime();
		JsonNode response = elastic.send("POST", "/" + index + "/_search" + parameters, body, waitedNanos::addAndGet);
		logged("_search", body.length(), started, response);
		return checked(index, response);
	}

	/** Counts the request and its took, and refuses a missing index or an incomplete (timed-out, failed shard) answer. */
	private JsonNode checked(String index, JsonNode response) {
		requests.incrementAndGet();
		if (response == null) {
			throw new IllegalStateException("index " + index + " does not exist: load an export first");
		}
		took.addAndGet(response.path("took").asLong());
		refuseIncomplete(index, response);
		return response;
	}

	private static void refuseIncomplete(String index, JsonNode response) {
		if (response.path("timed_out").asBoolean(false) || response.path("_shards").path("failed").asInt(0) > 0) {
			throw new IllegalStateException("search of " + index + " incomplete: " + response.path("_shards"));
		}
	}

	/**
	 * A search whose array at {@code array} (hits or buckets) is streamed to {@code element} as the response is
	 * parsed; the rest of the response is returned (checked and counted like {@link #search}).
	 */
	private ResponseStream.Read streamed(String index, String query, String body, Consumer<JsonNode> element, String... array) {
		long started = System.nanoTime();
		ResponseStream.Read read = elastic.stream("POST", "/" + index + "/_search" + query, body, waitedNanos::addAndGet,
				in -> ResponseStream.read(in, element, head -> refuseIncomplete(index, head), array));
		logged("_search streamed " + (read == null ? 0 : read.count()), body.length(), started, read == null ? null : read.rest());
		checked(index, read == null ? null : read.rest());
		return read;
	}

	private static void logged(String what, int requestChars, long started, JsonNode response) {
		if (log.isDebugEnabled()) {
			log.debug("{} request {} chars: client {} ms, took {} ms", what, requestChars, (System.nanoTime() - started) / 1_000_000,
					response == null ? null : response.path("took").asLong());
		}
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

	/**
	 * Every hit of a query in sort order, by search_after; {@code sort} must end with a unique field. When every sort
	 * field is among the {@code fields} read, the next page starts after the last hit's own values, and no hit's sort
	 * values are asked for: they were a quarter of a page of stays, serialised by Elasticsearch after its took.
	 */
	void scan(String index, String query, String sort, String fields, Consumer<JsonNode> hit) {
		List<String> sortFields = names(sort);
		boolean fromSource = names(fields).containsAll(sortFields);
		String after = null;
		while (true) {
			String body = "{\"size\":" + PAGE + ",\"track_total_hits\":false,\"query\":" + query + ",\"sort\":" + sort
					+ ",\"_source\":" + fields + (after == null ? "" : ",\"search_after\":" + after) + "}";
			ResponseStream.Read read = streamed(index, fromSource ? SOURCE_ONLY : HITS_ONLY, body, h -> hit.accept(h.path("_source")),
					"hits", "hits");
			if (read.count() < PAGE) {
				return;
			}
			after = fromSource ? after(read.last().path("_source"), sortFields) : read.last().path("sort").toString();
		}
	}

	/** The search_after values of a hit from its _source (a date as its text: Elasticsearch parses it by the mapping). */
	static String after(JsonNode source, List<String> sortFields) {
		ArrayNode values = JSON.createArrayNode();
		for (String field : sortFields) {
			JsonNode value = source.path(field);
			if (!value.isValueNode() || value.isNull()) {
				throw new IllegalStateException("sort field " + field + " is not one value in " + source);
			}
			values.add(value);
		}
		return values.toString();
	}

	/** The field names of a sort (an array of one-field objects) or of a _source list (an array of names). */
	static List<String> names(String array) {
		List<String> out = new ArrayList<>();
		try {
			for (JsonNode element : JSON.readTree(array)) {
				out.add(element.isObject() ? element.fieldNames().next() : element.asText());
			}
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("not a JSON array: " + array, e);
		}
		return out;
	}
}
