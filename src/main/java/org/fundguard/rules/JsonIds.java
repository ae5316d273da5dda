package org.fundguard.rules;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** Ids of the signals matching a query, by search_after. */
final class JsonIds {

	/** Only each hit's id and sort values are read. */
	private static final String ID_AND_SORT = "?filter_path=took,timed_out,_shards.failed,hits.hits._id,hits.hits.sort";

	private JsonIds() {
	}

	/** The ids in the order of {@code sort}, which must be unique per signal. */
	static void scanIds(Searches es, String index, String query, String sort, Consumer<String> ids) {
		String after = null;
		while (true) {
			JsonNode hits = es.search(index, ID_AND_SORT, "{\"size\":" + Searches.PAGE + ",\"_source\":false,\"query\":" + query
					+ ",\"sort\":" + sort + (after == null ? "" : ",\"search_after\":" + after) + "}").path("hits").path("hits");
			for (JsonNode h : hits) {
				ids.accept(h.path("_id").asText());
			}
			if (hits.size() < Searches.PAGE) {
				return;
			}
			after = hits.get(hits.size() - 1).path("sort").toString();
		}
	}
}
