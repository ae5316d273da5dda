package org.fundguard.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.Persons;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.springframework.stereotype.Component;

/**
 * One identity number (its keyed hash) on two person records whose coverage periods overlap, with settlements in the
 * window under both. Only identity hashes on two or more records are looked at further.
 */
@Component
class DuplicateEnrollment implements Evaluator {

	/** Identity hashes per partition: each costs a round trip and, when some are shared, two more searches. */
	static final int HASH_PAGE = 20_000;

	private final ClaimIndices ix;

	DuplicateEnrollment(ClaimIndices ix) {
		this.ix = ix;
	}

	@Override
	public String name() {
		return "DuplicateEnrollment";
	}

	record Enrollment(String personId, LocalDate enroll, LocalDate end) {

		/** [enroll_date, end_date] with an open end meaning no end. */
		boolean overlaps(Enrollment o) {
			boolean startsBeforeOtherEnds = o.end == null || !enroll.isAfter(o.end);
			boolean otherStartsBeforeThisEnds = end == null || !o.enroll.isAfter(end);
			return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
		}
	}

	/**
	 * Only identity hashes on two or more records come back: a terms aggregation with min_doc_count 2, paged by
	 * hash partitions of at most about {@link #HASH_PAGE} hashes each, so neither side ever holds more than a
	 * partition (a composite page of every hash, nearly all on one record, was megabytes to serialise and send).
	 */
	@Override
	public void evaluate(Scope scope, Consumer<Hit> hits) {
		long records = scope.es().search(ix.persons(), "{\"size\":0,\"track_total_hits\":true,\"query\":{\"match_all\":{}}}")
			.path("hits").path("total").path("value").asLong();
		long partitions = partitions(records);
		for (long p = 0; p < partitions; p++) {
			JsonNode agg = scope.es().search(ix.persons(), "?filter_path=took,timed_out,_shards.failed,aggregations.h",
					"{\"size\":0,\"track_total_hits\":false,\"aggs\":{\"h\":{\"terms\":{\"field\":\"" + Persons.ID_HASH
							+ "\",\"min_doc_count\":2,\"size\":" + HASH_PAGE + ",\"include\":{\"partition\":" + p + ",\"num_partitions\":" + partitions + "}}}}}")
				.path("aggregations").path("h");
			JsonNode buckets = agg.path("buckets");
			if (buckets.size() >= HASH_PAGE || agg.path("sum_other_doc_count").asLong() > 0) {
				throw new IllegalStateException("identity hash partition " + p + " of " + partitions + " has more shared hashes than "
						+ HASH_PAGE + ": the answer would be incomplete");
			}
			List<String> shared = new ArrayList<>();
			buckets.forEach(b -> shared.add(b.path("key").asText()));
			if (!shared.isEmpty()) {
				judge(scope, shared, hits);
			}
		}
	}

	/**
	 * A hash in the answer is on two records or more, so there are at most half as many of them as records. One
	 * partition per 1.5 × {@link #HASH_PAGE} records leaves each partition a third of headroom even if every record
	 * were paired (hashes do not spread evenly over partitions; a partition that would be cut is refused above).
	 * One per HASH_PAGE records cost a round of three requests more than needed on the benchmark export.
	 */
	static long partitions(long records) {
		long perPartition = HASH_PAGE * 3L / 2;
		return Math.max(1, (records + perPartition - 1) / perPartition);
	}

	private void judge(Scope scope, List<String> hashes, Consumer<Hit> hits) {
		Map<String, List<Enrollment>> byHash = new LinkedHashMap<>();
		scope.es().scan(ix.persons(), Q.filter(Q.terms(Persons.ID_HASH, hashes)), Q.ascending(Persons.ID_HASH, Persons.PERSON_ID),
				Q.fields(Persons.ID_HASH, Persons.PERSON_ID, Persons.ENROLL_DATE, Persons.END_DATE),
				p -> byHash.computeIfAbsent(p.path(Persons.ID_HASH).asText(), h -> new ArrayList<>())
					.add(new Enrollment(p.path(Persons.PERSON_ID).asText(), LocalDate.parse(p.path(Persons.ENROLL_DATE).asText()),
							p.hasNonNull(Persons.END_DATE) ? LocalDate.parse(p.path(Persons.END_DATE).asText()) : null)));
		List<Enrollment[]> pairs = new ArrayList<>();
		for (List<Enrollment> records : byHash.values()) {
			for (int i = 0; i < records.size(); i++) {
				for (int j = i + 1; j < records.size(); j++) {
					if (records.get(i).overlaps(records.get(j))) {
						pairs.add(new Enrollment[] { records.get(i), records.get(j) });
					}
				}
			}
		}
		if (pairs.isEmpty()) {
			return;
		}
		List<String> persons = pairs.stream().flatMap(p -> java.util.stream.Stream.of(p[0].personId(), p[1].personId())).distinct().toList();
		Map<String, double[]> settled = new HashMap<>();
		Map<String, List<String>> ids = new HashMap<>();
		JsonNode agg = scope.es().search(ix.settlements(), "{\"size\":0,\"query\":"
				+ Q.filter(Q.terms(Settlements.PERSON_ID, persons),
						Q.days(Settlements.VISIT_START, scope.window().from(), scope.window().to()))
				+ ",\"aggs\":{\"p\":{\"terms\":{\"field\":\"" + Settlements.PERSON_ID + "\",\"size\":" + persons.size() + "},"
				+ "\"aggs\":{\"f\":" + Q.sum(Settlements.FUND_PAID) + ","
				+ "\"s\":{\"terms\":{\"field\":\"" + Settlements.SETTLEMENT_ID + "\",\"size\":20}},"
				+ "\"m\":{\"min\":{\"field\":\"" + Settlements.VISIT_START + "\",\"format\":\"yyyy-MM\"}}}}}}");
		for (JsonNode b : agg.at("/aggregations/p/buckets")) {
			settled.put(b.path("key").asText(), new double[] { b.path("doc_count").asDouble(), b.at("/f/value").asDouble() });
			List<String> s = new ArrayList<>();
			b.at("/s/buckets").forEach(x -> s.add(x.path("key").asText()));
			ids.put(b.path("key").asText(), s);
			ids.put("month:" + b.path("key").asText(), List.of(b.at("/m/value_as_string").asText()));
		}
		for (Enrollment[] pair : pairs) {
			String a = pair[0].personId().compareTo(pair[1].personId()) < 0 ? pair[0].personId() : pair[1].personId();
			String b = a.equals(pair[0].personId()) ? pair[1].personId() : pair[0].personId();
			if (settled.containsKey(a) && settled.containsKey(b)) {
				List<String> evidence = new ArrayList<>(ids.get(a));
				evidence.addAll(ids.get(b));
				hits.accept(new Hit(a + "|" + b, "person", a + "|" + b, null, null,
						"同一身份证号的两条参保记录 " + a + "、" + b + " 参保期重叠，两者在窗口内分别有 " + (long) settled.get(a)[0] + "、"
								+ (long) settled.get(b)[0] + " 次结算",
						evidence, List.of(), Rounding.money(Math.min(settled.get(a)[1], settled.get(b)[1])),
						ids.get("month:" + b).getFirst()));
			}
		}
	}
}
