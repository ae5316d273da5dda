package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rule library through the API against the real Elasticsearch and Keycloak: a dry run that writes nothing, two
 * published versions with their history, a run whose signals name the published version and become a lead, export
 * and import into the library, and the refusals (a director, a shipped rule's id, a definition with a field too many).
 */
@IntegrationTest
class RuleLibraryIT {

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ClaimsLoader loader;

	@Autowired
	ElasticJson elastic;


	@Autowired
	SignalIndex signals;

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	@TempDir
	Path temp;

	@org.junit.jupiter.api.AfterEach
	void removeTheComposedRules() {
		ComposedRulesCleanup.remove(jdbc, events, "child-only-");
	}

	@Test
	void anAnalystDryRunsPublishesRunsExportsAndImportsAComposedRule() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String p = "RL" + suffix + "-";
		// a drug code of the test's own: 23 characters starting with X, as the loader checks
		String item = ("XC" + suffix + "0".repeat(23)).substring(0, 23);
		String id = "child-only-" + suffix.toLowerCase();
		SmallExport export = new SmallExport(p).item(item, "小儿退热栓").person("P1", 111, "").personBorn("P2", 112, "2012-06-01")
			.visit("S1", "P1", "H37030300011", "11", "2016-03-06", "J06.900", item, "12.00")
			.visit("S2", "P2", "H37030300011", "11", "2016-03-07", "J06.900", item, "12.00")
			.visit("S3", "P1", "H37030300011", "11", "2016-03-08", "E11.900", SmallExport.DRUG, "0.40")
			.visit("S4", "P2", "H37030300011", "11", "2016-03-21", "J06.900", item, "12.00");
		loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);
		String analyst = KeycloakTokens.accessToken("analyst1");
		String director = KeycloakTokens.accessToken("director1");
		ObjectNode definition = DefinitionCheckTest.childOnly(id, item);

		ObjectNode dryRun = JSON.createObjectNode().put("from", "2016-03-01").put("to", "2016-03-31");
		dryRun.set("definition", definition);
		HttpResponse<String> dry = Http.post(url("/api/rules/library/dry-run"), analyst, dryRun.toString());
		assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
		JsonNode found = JSON.readTree(dry.body());
		assertThat(found.path("hits").asLong()).as("the adult's line, not the child's").isEqualTo(1);
		assertThat(found.path("money").asDouble()).isEqualTo(12.0);
		assertThat(found.at("/samples/0/settlementIds/0").asText()).isEqualTo(p + "S1");
		assertThat(found.at("/samples/0/description").asText()).contains("就诊时年龄 大于 17", "就诊时年龄 56");
		signals.ensure();
		signals.refresh();
		assertThat(signalsOf(id)).as("a dry run writes no signal").isZero();

		ObjectNode perMonth = DefinitionCheckTest.periodCount();
		perMonth.put("id", id + "-month");
		((com.fasterxml.jackson.databind.node.ArrayNode) perMonth.at("/evaluator/template/items/values")).removeAll().add(item);
		((ObjectNode) perMonth.at("/evaluator/template")).put("period", "month").put("measure", "days");
		dryRun.set("definition", perMonth);
		HttpResponse<String> counted = Http.post(url("/api/rules/library/dry-run"), analyst, dryRun.toString());
		assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
		JsonNode months = JSON.readTree(counted.body());
		assertThat(months.path("hits").asLong()).as("the child's two days in March; the adult has one").isEqualTo(1);
		assertThat(months.at("/samples/0/subjectKey").asText()).isEqualTo(p + "P2|2016-03");
		assertThat(months.at("/samples/0/measured").asDouble()).isEqualTo(2.0);
		assertThat(months.at("/samples/0/settlementIds").toString()).contains(p + "S2", p + "S4");
		assertThat(months.at("/samples/0/money").asDouble()).as("the amount beyond the limit's share").isEqualTo(12.0);

		ObjectNode peer = DefinitionCheckTest.childOnly(id + "-peer", item);
		peer.put("subject_type", "provider").put("region_scope", "provider_region");
		((ObjectNode) peer.path("evaluator")).put("java", "PeerShare");
		((ObjectNode) peer.at("/evaluator/template")).put("metric", "amount_per_settlement").remove("conditions");
		var params = peer.putArray("parameters");
		params.addObject().put("name", "z_threshold").put("default", 3.5);
		params.addObject().put("name", "min_settlements").put("default", 1);
		params.addObject().put("name", "min_peer_group").put("default", 2);
		dryRun.set("definition", peer);
		HttpResponse<String> peers = Http.post(url("/api/rules/library/dry-run"), analyst, dryRun.toString());
		assertThat(peers.statusCode()).as("the peer template's requests are valid: " + peers.body()).isEqualTo(200);

		assertThat(Http.post(url("/api/rules/library"), director, definition.toString()).statusCode()).isEqualTo(403);
		assertThat(Http.get(url("/api/rules/library"), director).statusCode()).isEqualTo(403);

		HttpResponse<String> first = Http.post(url("/api/rules/library"), analyst, definition.toString());
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(JSON.readTree(first.body()).path("version").asInt()).isEqualTo(1);
		definition.put("severity", "high");
		HttpResponse<String> second = Http.post(url("/api/rules/library?note=" + "raised"), analyst, definition.toString());
		assertThat(JSON.readTree(second.body()).path("version").asInt()).isEqualTo(2);

		JsonNode history = JSON.readTree(Http.get(url("/api/rules/library/" + id), analyst).body());
		assertThat(history).hasSize(2);
		assertThat(history.at("/0/version").asInt()).isEqualTo(2);
		assertThat(history.at("/0/published_by").asText()).isEqualTo("analyst1");
		assertThat(history.at("/0/note").asText()).isEqualTo("raised");
		assertThat(history.at("/0/previous/severity").asText()).isEqualTo("medium");
		assertThat(history.at("/0/definition/severity").asText()).isEqualTo("high");
		assertThat(history.at("/0/diff").toString()).contains("-  \\\"severity\\\" : \\\"medium\\\"", "+  \\\"severity\\\" : \\\"high\\\"");
		assertThat(history.at("/1/previous").isNull()).isTrue();

		JsonNode catalogue = JSON.readTree(Http.get(url("/api/rules"), director).body());
		assertThat(catalogue.findValuesAsText("id")).contains(id, "after-death");

		HttpResponse<String> run = Http.post(url("/api/rules/runs"), analyst,
				"{\"rules\":[\"" + id + "\"],\"from\":\"2016-03-01\",\"to\":\"2016-03-31\"}");
		assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
		JsonNode record = JSON.readTree(run.body());
		assertThat(record.at("/results/0/status").asText()).as(run.body()).isEqualTo("OK");
		assertThat(record.at("/results/0/hits").asLong()).isEqualTo(1);
		assertThat(record.at("/results/0/ruleVersion").asInt()).isEqualTo(2);
		JsonNode leads = JSON.readTree(Http.get(url("/api/rules/leads?run=" + record.path("id").asText()), analyst).body());
		JsonNode lead = JSON.readTree(Http.get(url("/api/rules/leads/" + leads.at("/0/id").asText()), analyst).body());
		JsonNode signal = lead.path("signals").get(0);
		assertThat(signal.path("rule_id").asText()).isEqualTo(id);
		assertThat(signal.path("rule_version").asInt()).as("the published version found it").isEqualTo(2);
		assertThat(signal.path("subject_key").asText()).isEqualTo(p + "S1|" + item);

		HttpResponse<String> exported = Http.get(url("/api/rules/library/" + id + "/export"), analyst);
		ObjectNode file = (ObjectNode) JSON.readTree(exported.body());
		assertThat(file.path("version").asInt()).isEqualTo(2);
		file.put("id", id + "-b");
		HttpResponse<String> imported = Http.post(url("/api/rules/library"), analyst, file.toString());
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
		assertThat(JSON.readTree(imported.body()).path("version").asInt()).as("versions count per bureau").isEqualTo(1);
		assertThat(JSON.readTree(imported.body()).at("/definition/severity").asText()).isEqualTo("high");

		file.put("colour", "red");
		HttpResponse<String> bad = Http.post(url("/api/rules/library"), analyst, file.toString());
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("colour", "不认识");
		file.remove("colour");
		file.put("id", "after-death");
		HttpResponse<String> shipped = Http.post(url("/api/rules/library"), analyst, file.toString());
		assertThat(shipped.statusCode()).isEqualTo(400);
		assertThat(shipped.body()).contains("内置规则只读");
	}

	private long signalsOf(String ruleId) {
		return elastic.send("POST", "/" + signals.alias() + "/_count", "{\"query\":{\"term\":{\"rule_id\":\"" + ruleId + "\"}}}")
			.path("count").asLong();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
