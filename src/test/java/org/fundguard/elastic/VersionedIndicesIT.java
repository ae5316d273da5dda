package org.fundguard.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class VersionedIndicesIT {

	@Autowired
	VersionedIndices indices;

	@Autowired
	ElasticJson elastic;

	@Autowired
	ElasticsearchProperties properties;

	@Test
	void aReindexBuildsTheNextVersionAndMovesTheAliasAtOnceKeepingEveryDocument() {
		String alias = indices.ensure("items");
		elastic.send("PUT", "/" + alias + "/_doc/REINDEX-TEST?refresh=true",
				"{\"item_code\":\"REINDEX-TEST\",\"item_name\":\"测试\",\"item_type\":\"service\"}");
		String before = indices.currentIndex("items");
		long count = elastic.send("GET", "/" + alias + "/_count", null).get("count").asLong();

		String after = indices.reindex("items");

		assertThat(after).startsWith(alias + "-").isNotEqualTo(before);
		assertThat(Long.parseLong(after.substring(after.lastIndexOf('-') + 1)))
			.isEqualTo(Long.parseLong(before.substring(before.lastIndexOf('-') + 1)) + 1);
		assertThat(indices.currentIndex("items")).isEqualTo(after);
		assertThat(elastic.send("GET", "/" + alias + "/_count", null).get("count").asLong()).isEqualTo(count);
		assertThat(elastic.send("GET", "/" + alias + "/_doc/REINDEX-TEST", null).get("found").asBoolean()).isTrue();
		assertThat(elastic.send("GET", "/" + before, null)).as("the old version is gone").isNull();
		assertThat(elastic.send("GET", "/" + after + "/_settings", null).at("/" + after + "/settings/index/number_of_replicas").asText())
			.as("made from the template").isEqualTo("0");
	}

	@Test
	void anIndexMadeFromAnOlderTemplateAcceptsTheFieldsAddedSince() {
		String prefix = "fundguard-mapping-" + System.nanoTime();
		VersionedIndices fresh = new VersionedIndices(elastic,
				new ElasticsearchProperties(properties.url(), prefix, properties.connectTimeout(), properties.socketTimeout()), Clock.systemUTC());
		String alias = fresh.alias("settlements");
		try {
			// as an index created before outpatient_day_key was in the template
			elastic.send("PUT", "/" + alias + "-000001", "{\"aliases\":{\"" + alias + "\":{\"is_write_index\":true}},"
					+ "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"settlement_id\":{\"type\":\"keyword\"}}}}");

			fresh.ensure("settlements");

			elastic.send("PUT", "/" + alias + "/_doc/S1?refresh=true", "{\"settlement_id\":\"S1\",\"outpatient_day_key\":\"X1\"}");
			assertThat(elastic.send("GET", "/" + alias + "/_count?q=outpatient_day_key:X1", null).get("count").asLong()).isEqualTo(1);
		}
		finally {
			elastic.send("DELETE", "/" + alias + "-000001", null);
			elastic.send("DELETE", "/_index_template/" + alias, null);
		}
	}

	@Test
	void aReindexLeavesBehindAFieldRetiredFromTheTemplate() {
		String prefix = "fundguard-retired-" + System.nanoTime();
		VersionedIndices fresh = new VersionedIndices(elastic,
				new ElasticsearchProperties(properties.url(), prefix, properties.connectTimeout(), properties.socketTimeout()), Clock.systemUTC());
		String alias = fresh.alias("settlements");
		try {
			// as an index made while qty_over_limit was in the template, holding a document with it
			elastic.send("PUT", "/" + alias + "-000001", "{\"aliases\":{\"" + alias + "\":{\"is_write_index\":true}},"
					+ "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"settlement_id\":{\"type\":\"keyword\"},"
					+ "\"qty_over_limit\":{\"type\":\"keyword\"}}}}");
			elastic.send("PUT", "/" + alias + "/_doc/S1?refresh=true", "{\"settlement_id\":\"S1\",\"qty_over_limit\":[\"X1\"]}");

			String next = fresh.reindex("settlements");

			assertThat(next).endsWith("-000002");
			assertThat(elastic.send("GET", "/" + alias + "/_doc/S1", null).path("_source").toString()).isEqualTo("{\"settlement_id\":\"S1\"}");
		}
		finally {
			elastic.send("DELETE", "/" + alias + "-000001", null);
			elastic.send("DELETE", "/" + alias + "-000002", null);
			elastic.send("DELETE", "/_index_template/" + alias, null);
		}
	}
}
