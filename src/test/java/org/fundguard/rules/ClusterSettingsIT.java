package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A cluster's index settings on the shared node, in an application of their own (own index prefix): the templates get
 * the configured shards and replicas, fee lines land in their settlement year's index behind the one alias, and the
 * rules find them there, a dialysis week across the turn of the year included (its lines in two indices).
 */
@IntegrationTest
@TestPropertySource(properties = { "fundguard.elasticsearch.index-prefix=${FUNDGUARD_ES_INDEX_PREFIX:fundguard-it}-cluster",
		"fundguard.elasticsearch.shards=2", "fundguard.elasticsearch.replicas=1", "fundguard.elasticsearch.index-shards.claims=3",
		"fundguard.elasticsearch.yearly=claims" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// closed afterwards: a second application on the shared database and node should not outlive its test (its schedules)
@DirtiesContext
class ClusterSettingsIT {

	@Autowired
	ClaimsLoader loader;

	@Autowired
	RuleEngine engine;

	@Autowired
	ElasticJson elastic;

	@Autowired
	ElasticsearchProperties properties;

	@Autowired
	SignalIndex signals;

	@TempDir
	Path temp;

	@Test
	void claimsLandInTheirSettlementYearsIndexBehindTheAliasWithTheConfiguredShardsAndTheRulesFindThem() throws Exception {
		String p = "CY" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		SmallExport export = new SmallExport(p).person("P1", 101, "").person("P2", 102, "2021-01-10");
		// ISO week 2020-W53 runs from 2020-12-28 to 2021-01-03: four dialysis days, two in each settlement year
		for (String day : List.of("2020-12-28", "2020-12-30", "2021-01-01", "2021-01-03")) {
			export.visit("D" + day, "P1", "H37030300011", "14", day, "N18.500", SmallExport.DIALYSIS, "410.00");
		}
		export.visit("S6", "P2", "H37030300012", "11", "2021-01-15", "E11.900", SmallExport.DRUG, "0.60");

		LoadRecord load = loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);

		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED");
		String alias = properties.name("claims");
		assertThat(indicesOf(alias)).contains(alias + "-2020", alias + "-2021").noneMatch(i -> i.endsWith("-000001"));
		assertThat(count(alias + "-2020", p)).isEqualTo(2);
		assertThat(count(alias + "-2021", p)).isEqualTo(3);
		assertThat(count(alias, p)).as("the alias spans the years").isEqualTo(5);
		JsonNode claims2020 = elastic.send("GET", "/" + alias + "-2020/_settings", null).at("/" + alias + "-2020/settings/index");
		assertThat(claims2020.path("number_of_shards").asText()).isEqualTo("3");
		assertThat(claims2020.path("number_of_replicas").asText()).isEqualTo("1");
		assertThat(claims2020.path("refresh_interval").isMissingNode()).as("refreshes back after the load").isTrue();
		String persons = indicesOf(properties.name("persons")).get(0);
		JsonNode personSettings = elastic.send("GET", "/" + persons + "/_settings", null).at("/" + persons + "/settings/index");
		assertThat(personSettings.path("number_of_shards").asText()).isEqualTo("2");
		assertThat(personSettings.path("number_of_replicas").asText()).isEqualTo("1");

		List<String> rules = List.of("dialysis-frequency", "after-death");
		RunRecord run = engine.run(new RunRequest(rules, RuleEngineIT.WINDOW, RuleEngineIT.REGION, "analyst1", "CLI"));

		assertThat(run.results()).allSatisfy(r -> assertThat(r.status()).as(r.ruleId() + " " + r.message()).isEqualTo("OK"));
		JsonNode dialysis = signal("dialysis-frequency", p + "P1|2020-W53");
		assertThat(dialysis.path("measured").asDouble()).isEqualTo(4.0);
		assertThat(dialysis.path("settlement_ids")).hasSize(4);
		assertThat(signal("after-death", p + "S6").path("measured").asDouble()).isEqualTo(5.0);
	}

	/** Nothing of this test's cluster settings stays on the shared node (its replicas would keep the node yellow). */
	@AfterAll
	void dropTheIndices() {
		String prefix = properties.indexPrefix();
		JsonNode indices = elastic.send("GET", "/_cat/indices/" + prefix + "-*?format=json&h=index", null);
		for (JsonNode index : indices == null ? List.<JsonNode>of() : toList(indices)) {
			elastic.send("DELETE", "/" + index.path("index").asText(), null);
		}
		JsonNode templates = elastic.send("GET", "/_index_template/" + prefix + "-*", null);
		for (JsonNode t : templates == null ? List.<JsonNode>of() : toList(templates.path("index_templates"))) {
			elastic.send("DELETE", "/_index_template/" + t.path("name").asText(), null);
		}
	}

	private static List<JsonNode> toList(JsonNode array) {
		List<JsonNode> out = new ArrayList<>();
		array.forEach(out::add);
		return out;
	}

	private List<String> indicesOf(String alias) {
		List<String> out = new ArrayList<>();
		elastic.send("GET", "/_alias/" + alias, null).fieldNames().forEachRemaining(out::add);
		return out;
	}

	private long count(String index, String prefix) {
		return elastic.send("POST", "/" + index + "/_count",
				"{\"query\":{\"prefix\":{\"settlement_id\":\"" + prefix + "\"}}}").path("count").asLong();
	}

	private JsonNode signal(String rule, String subject) {
		JsonNode r = elastic.send("GET", "/" + signals.alias() + "/_doc/" + java.net.URLEncoder.encode(
				SignalSink.id(rule, subject, RuleEngineIT.WINDOW), java.nio.charset.StandardCharsets.UTF_8), null);
		return r == null ? null : r.path("_source");
	}
}
