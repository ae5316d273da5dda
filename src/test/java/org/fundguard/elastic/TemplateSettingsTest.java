package org.fundguard.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The index templates as sent: shards and replicas from the configuration, whatever the files say. */
class TemplateSettingsTest {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void theSingleNodeDefaultSendsOneShardAndNoReplicaAndNoAliasInTheTemplate() throws Exception {
		var indices = indices(new ElasticsearchProperties("http://localhost:9200", "fg", Duration.ofSeconds(3), Duration.ofSeconds(60)));

		for (String name : new String[] { "claims", "settlements", "persons", "providers", "items", "fund-ledger", "signals" }) {
			JsonNode template = json.readTree(indices.template(name));
			assertThat(template.at("/template/settings/number_of_shards").asInt()).as(name).isEqualTo(1);
			assertThat(template.at("/template/settings/number_of_replicas").asInt()).as(name).isZero();
			assertThat(template.at("/template/aliases").isMissingNode()).as(name).isTrue();
			assertThat(template.at("/index_patterns/0").asText()).isEqualTo("fg-" + name + "-*");
			assertThat(template.has("_comment")).isFalse();
		}
	}

	@Test
	void aClusterConfigurationSetsShardsReplicasAndTheYearlyIndicesAlias() throws Exception {
		var indices = indices(new ElasticsearchProperties("http://a:1,http://b:2,http://c:3", "fg", Duration.ofSeconds(3),
				Duration.ofSeconds(60), 2, 1, Map.of("claims", 6), Set.of("claims")));

		JsonNode claims = json.readTree(indices.template("claims"));
		assertThat(claims.at("/template/settings/number_of_shards").asInt()).isEqualTo(6);
		assertThat(claims.at("/template/settings/number_of_replicas").asInt()).isEqualTo(1);
		assertThat(claims.at("/template/aliases").has("fg-claims")).as("every year's index joins the alias").isTrue();
		assertThat(claims.at("/template/mappings/properties/settle_time/type").asText()).isEqualTo("date");

		JsonNode items = json.readTree(indices.template("items"));
		assertThat(items.at("/template/settings/number_of_shards").asInt()).isEqualTo(2);
		assertThat(items.at("/template/settings/number_of_replicas").asInt()).isEqualTo(1);
		assertThat(items.at("/template/settings/refresh_interval").asText()).as("the file's other settings stay").isEqualTo("1s");
		assertThat(items.at("/template/aliases").isMissingNode()).isTrue();
	}

	private static VersionedIndices indices(ElasticsearchProperties properties) {
		// template() asks Elasticsearch nothing
		return new VersionedIndices(null, properties, Clock.systemUTC());
	}
}
