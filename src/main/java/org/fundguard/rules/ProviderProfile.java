package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimsSchema.Settlements;

/** One provider's settlements in the window, counted for the peer rules. */
record ProviderProfile(String code, String type, String level, long settlements, long inpatient, long outOfArea,
		long genetic, double hvmcAmount, double geneticAmount, double outOfAreaFund, double inpatientFund) {

	static final String SOURCES = "[" + Q.termsSource("p", Settlements.PROVIDER_CODE) + ","
			+ Q.termsSource("t", Settlements.PROVIDER_TYPE) + "," + Q.termsSourceOrMissing("l", Settlements.PROVIDER_LEVEL) + "]";
	static final String AGGS = "{\"inp\":{\"filter\":" + Q.term(Settlements.INPATIENT, true) + ",\"aggs\":{\"f\":"
			+ Q.sum(Settlements.FUND_PAID) + "}},"
			+ "\"ooa\":{\"filter\":" + Q.term(Settlements.OUT_OF_AREA, true) + ",\"aggs\":{\"f\":" + Q.sum(Settlements.FUND_PAID) + "}},"
			+ "\"gen\":{\"filter\":" + Q.term(Settlements.ITEM_TAGS, "genetic_test") + ",\"aggs\":{\"a\":"
			+ Q.sum(Settlements.GENETIC_TEST_AMOUNT) + "}},"
			+ "\"hvmc\":" + Q.sum(Settlements.HVMC_AMOUNT) + "}";

	/** The non-pharmacy providers in the regions with their counts, from one paged composite aggregation. */
	static List<ProviderProfile> load(Searches es, String index, Window window, List<String> regions) {
		List<ProviderProfile> out = new ArrayList<>();
		String query = Q.filterNot(Q.filter(Q.days(Settlements.VISIT_START, window.from(), window.to()),
				Q.prefixes(Settlements.PROVIDER_REGION, regions)), Q.term(Settlements.PROVIDER_TYPE, "pharmacy"));
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
