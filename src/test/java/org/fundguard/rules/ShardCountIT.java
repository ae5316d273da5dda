package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The per-settlement searches of 互斥项目 and 超量 give the same settlements on one shard as on three, and on one index
 * as on two behind an alias (the yearly split): a settlement's lines are spread over the shards by their ids, so a
 * shard sees part of a settlement's items and quantities. The same lines are loaded into both layouts; many
 * settlements bill one item or a quantity just under the limit, so a per-shard top list that ranks partial counts or
 * sums (what `bench cluster` caught: 26 vs 17 and 24 vs 20 hits) loses the settlements over it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShardCountIT {

	static final String A = "EXA", B = "EXB", LIMITED = "QTY";
	static final double LIMIT = 5;
	static final int SINGLES = 4000, OVER = 30;

	@Autowired
	ElasticJson elastic;

	@Autowired
	ElasticsearchProperties properties;

	String one, three;

	@BeforeAll
	void load() {
		one = properties.indexPrefix() + "-shardcount-one";
		three = properties.indexPrefix() + "-shardcount-three";
		dropTheIndices();
		create(one, 1);
		create(three + "-2020", 3);
		create(three + "-2021", 3);
		elastic.send("POST", "/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + three + "-2020\",\"alias\":\"" + three
				+ "\"}},{\"add\":{\"index\":\"" + three + "-2021\",\"alias\":\"" + three + "\"}}]}");
		StringBuilder oneBulk = new StringBuilder();
		StringBuilder threeBulk = new StringBuilder();
		for (Line l : lines()) {
			String year = l.settlement.hashCode() % 2 == 0 ? "2020" : "2021";
			String doc = "{\"settlement_id\":\"" + l.settlement + "\",\"line_no\":" + l.lineNo + ",\"item_code\":\"" + l.item
					+ "\",\"item_name\":\"" + l.item + "\",\"quantity\":" + l.quantity + ",\"amount\":" + l.quantity * 10
					+ ",\"provider_code\":\"H1\",\"visit_start\":\"" + year + "-06-01\",\"item_date\":\"" + year + "-06-01\"}\n";
			String id = l.settlement + "#" + l.lineNo;
			oneBulk.append("{\"index\":{\"_index\":\"").append(one).append("\",\"_id\":\"").append(id).append("\"}}\n").append(doc);
			threeBulk.append("{\"index\":{\"_index\":\"").append(three).append('-').append(year).append("\",\"_id\":\"").append(id)
				.append("\"}}\n").append(doc);
		}
		for (StringBuilder bulk : List.of(oneBulk, threeBulk)) {
			assertThat(elastic.send("POST", "/_bulk?refresh=true", bulk.toString()).path("errors").asBoolean()).isFalse();
		}
	}

	record Line(String settlement, int lineNo, String item, double quantity) {
	}

	/**
	 * Settlements billing one item of the pair or a quantity of 4 (under the limit), named before the settlements that
	 * bill both or 3 × 2 (over it): a shard's top list of ties is cut by key, and a partial sum is at most 4. There are
	 * enough of them (about 670 a shard) for a shard's list (1.5 × 200 + 10 when 200 are asked for) to be cut.
	 */
	static List<Line> lines() {
		List<Line> out = new ArrayList<>();
		for (int i = 0; i < SINGLES; i++) {
			out.add(new Line("A%05d".formatted(i), 1, i % 2 == 0 ? A : B, 1));
			out.add(new Line("Q%05d".formatted(i), 1, LIMITED, 4));
		}
		for (int i = 0; i < OVER; i++) {
			out.add(new Line("X%05d".formatted(i), 1, A, 1));
			out.add(new Line("X%05d".formatted(i), 2, B, 1));
			for (int n = 1; n <= 3; n++) {
				out.add(new Line("Y%05d".formatted(i), n, LIMITED, 2));
			}
		}
		return out;
	}

	@Test
	void exclusivePairsFindTheSameSettlementsOnOneShardAndOnThreeSplitByYear() {
		List<String> onOne = ExclusivePairs.settlements(new Searches(elastic), one, List.of(List.of(A, B)), Q.filter(), 1000);
		List<String> onThree = ExclusivePairs.settlements(new Searches(elastic), three, List.of(List.of(A, B)), Q.filter(), 1000);

		assertThat(onOne).hasSize(OVER).allMatch(s -> s.startsWith("X"));
		assertThat(onThree).as("%d settlements on one shard, %d on three", onOne.size(), onThree.size()).isEqualTo(onOne);
	}

	@Test
	void perVisitQuantitiesFindTheSameSettlementsOnOneShardAndOnThreeSplitByYear() {
		TreeSet<String> onOne = new TreeSet<>();
		TreeSet<String> onThree = new TreeSet<>();
		QuantitySums.over(new Searches(elastic), one, Map.of(LIMITED, LIMIT), false, Q.filter(), o -> onOne.add(o.key() + "=" + o.sum()));
		QuantitySums.over(new Searches(elastic), three, Map.of(LIMITED, LIMIT), false, Q.filter(), o -> onThree.add(o.key() + "=" + o.sum()));

		assertThat(onOne).hasSize(OVER).allMatch(k -> k.startsWith("Y") && k.endsWith("=6.0"));
		assertThat(onThree).as("%d settlements on one shard, %d on three", onOne.size(), onThree.size()).isEqualTo(onOne);
	}

	/**
	 * 同一天多次门诊 finds the outpatient days of more than n visits by a terms aggregation with min_doc_count: a shard
	 * whose list of keys is cut (more distinct days than 1.5 × 10,000 + 10) drops count-one keys, and a day of three
	 * visits on three shards lost the counts it needed.
	 */
	@Test
	void outpatientDaysAboveTheLimitAreTheSameOnOneShardAndOnThree() {
		String days1 = properties.indexPrefix() + "-shardcount-days1";
		String days3 = properties.indexPrefix() + "-shardcount-days3";
		try {
			for (String index : List.of(days1, days3)) {
				elastic.send("PUT", "/" + index, "{\"settings\":{\"number_of_shards\":" + (index.equals(days1) ? 1 : 3)
						+ ",\"number_of_replicas\":0},\"mappings\":{\"properties\":{\"outpatient_day_key\":{\"type\":\"keyword\"}}}}");
				StringBuilder bulk = new StringBuilder();
				for (int i = 0; i < 50_000; i++) {
					bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"a").append(i).append("\"}}\n")
						.append("{\"outpatient_day_key\":\"A").append("%06d".formatted(i)).append("\"}\n");
				}
				for (int i = 0; i < OVER; i++) {
					for (int v = 0; v < 3; v++) {
						bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"z").append(i).append('-').append(v)
							.append("\"}}\n{\"outpatient_day_key\":\"Z").append("%06d".formatted(i)).append("\"}\n");
					}
				}
				assertThat(elastic.send("POST", "/_bulk?refresh=true", bulk.toString()).path("errors").asBoolean()).isFalse();
			}
			List<String> onOne = VisitRules.keysAbove(new Searches(elastic), days1, Q.filter(), 2);
			List<String> onThree = VisitRules.keysAbove(new Searches(elastic), days3, Q.filter(), 2);

			assertThat(onOne).hasSize(OVER).allMatch(k -> k.startsWith("Z"));
			assertThat(onThree).as("%d days on one shard, %d on three", onOne.size(), onThree.size()).isEqualTo(onOne);
		}
		finally {
			elastic.send("DELETE", "/" + days1 + "," + days3 + "?ignore_unavailable=true", null);
		}
	}

	private void create(String index, int shards) {
		elastic.send("PUT", "/" + index, "{\"settings\":{\"number_of_shards\":" + shards + ",\"number_of_replicas\":0},"
				+ "\"mappings\":{\"properties\":{\"settlement_id\":{\"type\":\"keyword\"},\"line_no\":{\"type\":\"integer\"},"
				+ "\"item_code\":{\"type\":\"keyword\"},\"item_name\":{\"type\":\"keyword\"},\"quantity\":{\"type\":\"double\"},"
				+ "\"amount\":{\"type\":\"double\"},\"provider_code\":{\"type\":\"keyword\"},\"visit_start\":{\"type\":\"date\"},"
				+ "\"item_date\":{\"type\":\"date\"}}}}");
	}

	@AfterAll
	void dropTheIndices() {
		for (String index : List.of(one, three + "-2020", three + "-2021")) {
			if (elastic.send("HEAD", "/" + index, null) != null) {
				elastic.send("DELETE", "/" + index, null);
			}
		}
	}
}
