package org.fundguard.focus;

import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.claims.ClaimsSchema.Items;
import org.fundguard.claims.ClaimsSchema.Providers;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.rules.SignalSearch;
import org.springframework.stereotype.Component;

/**
 * Reads a focused inspection's analysis from Elasticsearch: aggregations over the claims indices restricted to the
 * fund's insured (insured_region and insurance_type, as the fund rules count a fund's expenditure) by month of
 * settle_time, and the signals by rule. Nothing is stored: the page shows the data as it is loaded now.
 */
@Component
class FundAnalyses {

	/** Buckets per composite page. */
	private static final int PAGE = 5_000;

	private final ElasticJson elastic;
	private final ClaimIndices claims;
	private final SignalSearch signals;

	FundAnalyses(ElasticJson elastic, ClaimIndices claims, SignalSearch signals) {
		this.elastic = elastic;
		this.claims = claims;
		this.signals = signals;
	}

	FundAnalysis of(FocusedInspection focus) {
		claims.ensureReadable();
		YearMonth first = YearMonth.from(focus.windowFrom());
		YearMonth last = YearMonth.from(focus.windowTo());
		List<YearMonth> months = FundAnalysis.between(first.minusMonths(12), last);
		List<YearMonth> window = FundAnalysis.between(first, last);
		String query = "{\"bool\":{\"filter\":[" + term(Settlements.INSURED_REGION, focus.region()) + ","
				+ term(Settlements.INSURANCE_TYPE, focus.insuranceType()) + ",{\"range\":{\"" + Settlements.SETTLE_TIME
				+ "\":{\"gte\":\"" + months.getFirst().atDay(1) + " 00:00:00\",\"lt\":\"" + last.plusMonths(1).atDay(1)
				+ " 00:00:00\"}}}]}}";
		Map<String, Map<YearMonth, Double>> byInstitution = byKeyAndMonth(claims.settlements(), query,
				Settlements.PROVIDER_CODE, Settlements.SETTLE_MONTH, Settlements.FUND_PAID);
		Map<String, Map<YearMonth, Double>> byItem = byKeyAndMonth(claims.claims(), query.replace(Settlements.SETTLE_TIME,
				FeeLines.SETTLE_TIME), FeeLines.ITEM_CODE, FeeLines.SETTLE_MONTH, FeeLines.AMOUNT);
		Map<YearMonth, Double> total = new TreeMap<>();
		byInstitution.values().forEach(m -> m.forEach((month, v) -> total.merge(month, v, Double::sum)));
		total.replaceAll((m, v) -> Driver.round(v));
		List<Driver> institutions = Driver.rank(byInstitution,
				names(claims.providers(), Providers.PROVIDER_CODE, Providers.PROVIDER_NAME, byInstitution.keySet()), window);
		List<Driver> items = Driver.rank(byItem, names(claims.items(), Items.ITEM_CODE, Items.ITEM_NAME, byItem.keySet()), window);
		Map<String, Map<String, Long>> byRule = signals.byRuleAndMonthOfFund(focus.fund(), byInstitution.keySet(),
				months.getFirst(), last);
		return new FundAnalysis(months, window, total, institutions, items, byRule);
	}

	/** key → month → sum of the field, by a paged composite aggregation. */
	private Map<String, Map<YearMonth, Double>> byKeyAndMonth(String index, String query, String keyField,
			String monthField, String sumField) {
		Map<String, Map<YearMonth, Double>> out = new TreeMap<>();
		composite(index, query, "[{\"k\":{\"terms\":{\"field\":\"" + keyField + "\"}}},{\"m\":{\"terms\":{\"field\":\""
				+ monthField + "\"}}}]", "{\"s\":{\"sum\":{\"field\":\"" + sumField + "\"}}}",
				b -> out.computeIfAbsent(b.at("/key/k").asText(), k -> new TreeMap<>())
					.merge(YearMonth.parse(b.at("/key/m").asText()), b.at("/s/value").asDouble(), Double::sum));
		return out;
	}

	private void composite(String index, String query, String sources, String aggs, Consumer<JsonNode> bucket) {
		String after = null;
		while (true) {
			String body = "{\"size\":0,\"query\":" + query + ",\"aggs\":{\"c\":{\"composite\":{\"size\":" + PAGE
					+ ",\"sources\":" + sources + (after == null ? "" : ",\"after\":" + after) + "},\"aggs\":" + aggs + "}}}";
			JsonNode c = elastic.send("POST", "/" + index + "/_search", body).path("aggregations").path("c");
			c.path("buckets").forEach(bucket);
			if (c.path("buckets").size() < PAGE || c.path("after_key").isMissingNode()) {
				return;
			}
			after = c.path("after_key").toString();
		}
	}

	/** The catalogue's names of the codes (a code the catalogue lacks keeps its code). */
	private Map<String, String> names(String index, String codeField, String nameField, Collection<String> codes) {
		Map<String, String> out = new HashMap<>();
		if (codes.isEmpty()) {
			return out;
		}
		String body = "{\"size\":" + Math.min(10_000, codes.size() * 4) + ",\"_source\":[\"" + codeField + "\",\"" + nameField
				+ "\"],\"query\":{\"terms\":{\"" + codeField + "\":["
				+ codes.stream().map(c -> TextNode.valueOf(c).toString()).collect(Collectors.joining(",")) + "]}}}";
		elastic.send("POST", "/" + index + "/_search", body).path("hits").path("hits").forEach(h -> {
			String name = h.path("_source").path(nameField).asText("");
			if (!name.isBlank()) {
				out.put(h.path("_source").path(codeField).asText(), name);
			}
		});
		return out;
	}

	private static String term(String field, String value) {
		return "{\"term\":{\"" + field + "\":" + TextNode.valueOf(value) + "}}";
	}
}
