package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One provider's settlements in the window, counted for the peer rules. */
record ProviderProfile(String code, String type, String level, long settlements, long inpatient, long outOfArea,
		long genetic, double hvmcAmount, double geneticAmount, double outOfAreaFund, double inpatientFund) {

	static final String SOURCES = "[{\"p\":{\"terms\":{\"field\":\"provider_code\"}}},{\"t\":{\"terms\":{\"field\":\"provider_type\"}}},"
			+ "{\"l\":{\"terms\":{\"field\":\"provider_level\",\"missing_bucket\":true}}}]";
	static final String AGGS = "{\"inp\":{\"filter\":{\"term\":{\"inpatient\":true}},\"aggs\":{\"f\":{\"sum\":{\"field\":\"fund_paid\"}}}},"
			+ "\"ooa\":{\"filter\":{\"term\":{\"out_of_area\":true}},\"aggs\":{\"f\":{\"sum\":{\"field\":\"fund_paid\"}}}},"
			+ "\"gen\":{\"filter\":{\"term\":{\"item_tags\":\"genetic_test\"}},\"aggs\":{\"a\":{\"sum\":{\"field\":\"genetic_test_amount\"}}}},"
			+ "\"hvmc\":{\"sum\":{\"field\":\"hvmc_amount\"}}}";

	/** The non-pharmacy providers in the regions with their counts, from one paged composite aggregation. */
	static List<ProviderProfile> load(Searches es, String index, Window window, List<String> regions) {
		List<ProviderProfile> out = new ArrayList<>();
		String query = Q.filterNot(Q.filter(Q.days("visit_start", window.from(), window.to()), Q.prefixes("provider_region", regions)),
				Q.term("provider_type", "pharmacy"));
		es.composite(index, query, SOURCES, AGGS, b -> out.add(of(b)));
		return out;
	}

	private static ProviderProfile of(JsonNode b) {
		JsonNode key = b.path("key");
		return new ProviderProfile(key.path("p").asText(), key.path("t").asText(),
				key.path("l").isNull() ? "" : key.path("l").asText(), b.path("doc_count").asLong(),
				b.at("/inp/doc_count").asLong(), b.at("/ooa/doc_count").asLong(), b.at("/gen/doc_count").asLong(),
				b.at("/hvmc/value").asDouble(), b.at("/gen/a/value").asDouble(), b.at("/ooa/f/value").asDouble(),
				b.at("/inp/f/value").asDouble());
	}

	String peerGroup() {
		return type + "|" + level;
	}
}
