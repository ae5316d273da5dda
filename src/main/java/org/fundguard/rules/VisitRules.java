package org.fundguard.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.rules.LineRules.Named;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The second catalogue's settlement rules on institutions: minor illness admitted (小病大治) and split outpatient visits
 * (分解门诊). Jurisdiction: the settlement's medical_region.
 */
@Configuration
class VisitRules {

	/** Keys per evidence search of split-outpatient. */
	private static final int KEY_PAGE = 1000;

	static String visits(Scope scope) {
		return Q.filter(Q.days(Settlements.VISIT_START, scope.window().from(), scope.window().to()),
				Q.prefixes(Settlements.MEDICAL_REGION, scope.regions()));
	}

	/** The first of the prefixes the diagnosis starts with, or null. */
	static String minorIllness(String diagCode, List<String> prefixes) {
		return prefixes.stream().filter(diagCode::startsWith).findFirst().orElse(null);
	}

	@Bean
	Evaluator minorIllnessAdmission(ClaimIndices ix) {
		return new Named("MinorIllnessAdmission", (scope, hits) -> {
			List<String> prefixes = scope.prefixes("diag_prefixes");
			if (prefixes.isEmpty()) {
				return; // no prefix would be no restriction: every admission
			}
			scope.es().scan(ix.settlements(),
					Q.filter(Q.term(Settlements.MED_TYPE, "21"), Q.prefixes(Settlements.DIAG_CODE, prefixes), visits(scope)),
					Q.ascending(Settlements.SETTLEMENT_ID), Q.fields(Settlements.SETTLEMENT_ID, Settlements.PROVIDER_CODE,
							Settlements.VISIT_START, Settlements.VISIT_END, Settlements.DIAG_CODE, Settlements.FUND_PAID),
					s -> {
						String diag = s.path(Settlements.DIAG_CODE).asText();
						String prefix = minorIllness(diag, prefixes);
						if (prefix == null) {
							return;
						}
						String id = s.path(Settlements.SETTLEMENT_ID).asText();
						String start = s.path(Settlements.VISIT_START).asText();
						hits.accept(new Hit(id, "provider", s.path(Settlements.PROVIDER_CODE).asText(), null, null,
								"住院（" + start + ".." + s.path(Settlements.VISIT_END).asText() + "）主诊断 " + diag + " 属小病（" + prefix
										+ "），可门诊治疗",
								List.of(id), List.of(), Rounding.money(s.path(Settlements.FUND_PAID).asDouble()), start.substring(0, 7)));
					});
		});
	}

	/**
	 * The person + provider + day keys with more than N general-outpatient settlements come from a terms aggregation
	 * with min_doc_count N + 1 (only those keys come back), paged by partitions of the keys; their settlements are
	 * then fetched as the evidence.
	 */
	@Bean
	Evaluator splitOutpatient(ClaimIndices ix) {
		return new Named("SplitOutpatient", (scope, hits) -> {
			int n = (int) scope.param("max_visits");
			String query = Q.filter(Q.exists(Settlements.OUTPATIENT_DAY_KEY), Q.term(Settlements.MED_TYPE, "11"), visits(scope));
			List<String> keys = keysAbove(scope.es(), ix.settlements(), query, n);
			for (int from = 0; from < keys.size(); from += KEY_PAGE) {
				List<String> page = keys.subList(from, Math.min(keys.size(), from + KEY_PAGE));
				List<JsonNode> same = new ArrayList<>();
				scope.es().scan(ix.settlements(), Q.filter(Q.terms(Settlements.OUTPATIENT_DAY_KEY, page), query),
						Q.ascending(Settlements.OUTPATIENT_DAY_KEY, Settlements.SETTLEMENT_ID),
						Q.fields(Settlements.OUTPATIENT_DAY_KEY, Settlements.SETTLEMENT_ID, Settlements.PERSON_ID,
								Settlements.PROVIDER_CODE, Settlements.VISIT_START, Settlements.FUND_PAID),
						s -> {
							if (!same.isEmpty() && !same.getFirst().path(Settlements.OUTPATIENT_DAY_KEY).equals(s.path(Settlements.OUTPATIENT_DAY_KEY))) {
								splitVisits(same, n, hits);
								same.clear();
							}
							same.add(s);
						});
				splitVisits(same, n, hits);
			}
		});
	}

	/** One person's general-outpatient settlements at one provider on one day: a hit when more than N. */
	static void splitVisits(List<JsonNode> same, int n, Consumer<Hit> hits) {
		if (same.size() <= n) {
			return;
		}
		JsonNode first = same.getFirst();
		String day = first.path(Settlements.VISIT_START).asText();
		String provider = first.path(Settlements.PROVIDER_CODE).asText();
		List<String> ids = same.stream().map(s -> s.path(Settlements.SETTLEMENT_ID).asText()).toList();
		double paid = same.stream().mapToDouble(s -> s.path(Settlements.FUND_PAID).asDouble()).sum();
		hits.accept(new Hit(first.path(Settlements.PERSON_ID).asText() + "|" + provider + "|" + day, "provider", provider,
				(double) same.size(), (double) n, day + " 同一参保人在本机构普通门诊结算 " + same.size() + " 次，上限 " + n + " 次",
				ids, List.of(), Rounding.money(paid), day.substring(0, 7)));
	}

	/**
	 * The keys on more than n documents: a terms aggregation per partition, doubling the partitions if one is full or
	 * inexact. With several shards (or yearly indices) a shard whose keys fill its list drops its rarest ones, and a
	 * key of n + 1 visits spread over shards could lose a count there and fall under min_doc_count: Elasticsearch then
	 * reports a doc_count_error_upper_bound above zero (the last count of each cut list), so only an answer with none
	 * is taken as exact.
	 */
	static List<String> keysAbove(Searches es, String index, String query, int n) {
		int size = Searches.PAGE;
		for (int partitions = 1;; partitions *= 2) {
			List<String> keys = new ArrayList<>();
			boolean full = false;
			for (int p = 0; p < partitions && !full; p++) {
				JsonNode terms = es.search(index,
						"?filter_path=took,timed_out,_shards.failed,aggregations.k.buckets.key,aggregations.k.doc_count_error_upper_bound",
						"{\"size\":0,\"track_total_hits\":false,\"query\":" + query + ",\"aggs\":{\"k\":{\"terms\":{\"field\":\""
								+ Settlements.OUTPATIENT_DAY_KEY + "\",\"min_doc_count\":" + (n + 1) + ",\"size\":" + size
								+ ",\"include\":{\"partition\":" + p + ",\"num_partitions\":" + partitions + "}}}}}")
					.at("/aggregations/k");
				JsonNode buckets = terms.path("buckets");
				buckets.forEach(b -> keys.add(b.path("key").asText()));
				full = buckets.size() >= size || terms.path("doc_count_error_upper_bound").asLong(0) != 0;
			}
			if (!full) {
				return keys.stream().sorted().toList();
			}
		}
	}
}
