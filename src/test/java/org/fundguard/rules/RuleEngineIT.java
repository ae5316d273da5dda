package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.DemoUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine against the real Elasticsearch with a hand-made export in a window of its own (the turn of 2020/2021,
 * where 2020 has an ISO week 53): dialysis counted per ISO week across the year boundary, a failing rule failing
 * alone, reruns without duplicates, exemptions kept and counted, leads per party, parameters through the API.
 */
@IntegrationTest
class RuleEngineIT {

	static final Window WINDOW = new Window(LocalDate.of(2020, 12, 1), LocalDate.of(2021, 2, 28));
	/** Not a region of any other test: its parameter overrides affect only this test's runs. */
	static final List<String> REGION = List.of("9999");
	static final HttpClient HTTP = HttpClient.newHttpClient();
	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ClaimsLoader loader;

	@Autowired
	RuleEngine engine;

	@Autowired
	ElasticJson elastic;

	@Autowired
	SignalIndex signals;

	@Autowired
	Exemptions exemptions;

	@Autowired
	SignalExemptions signalExemptions;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Test
	void theRulesFindTheirCasesAFailingRuleFailsAloneAndRerunsDoNotDuplicate() throws Exception {
		String p = "RE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		SmallExport export = new SmallExport(p).person("P1", 101, "").person("P2", 102, "2021-01-10");
		// 2020-12-28, -30, 2021-01-01, -03 are all in ISO week 2020-W53; 2021-01-04 is 2021-W01
		for (String day : List.of("2020-12-28", "2020-12-30", "2021-01-01", "2021-01-03", "2021-01-04")) {
			export.visit("D" + day, "P1", "H37030300011", "14", day, "N18.500", SmallExport.DIALYSIS, "410.00");
		}
		export.visit("S6", "P2", "H37030300012", "11", "2021-01-15", "E11.900", SmallExport.DRUG, "0.60");
		LoadRecord load = loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);
		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED");
		jdbc.sql("delete from rule_parameter where region = '9999'").update();
		jdbc.sql("insert into rule_parameter values ('readmission', '9999', 'max_gap_days', '-3', 'test', current_timestamp)").update();

		List<String> rules = List.of("dialysis-frequency", "after-death", "price-over-ceiling", "readmission");
		RunRecord run = engine.run(new RunRequest(rules, WINDOW, REGION, "analyst1", "CLI"));

		assertThat(run.status()).isEqualTo("COMPLETED_WITH_FAILURES");
		assertThat(run.result("readmission").status()).isEqualTo("FAILED");
		assertThat(run.result("readmission").message()).contains("readmission", "max_gap_days", "低于下限");
		assertThat(run.results()).filteredOn(r -> !r.ruleId().equals("readmission")).allSatisfy(r -> assertThat(r.status()).isEqualTo("OK"));
		JsonNode dialysis = signal("dialysis-frequency", p + "P1|2020-W53");
		assertThat(dialysis.path("measured").asDouble()).isEqualTo(4.0);
		assertThat(dialysis.path("threshold").asDouble()).isEqualTo(3.0);
		assertThat(dialysis.path("settlement_ids")).hasSize(4);
		assertThat(dialysis.path("line_refs").get(0).asText()).isEqualTo(p + "D2020-12-28#1");
		assertThat(signal("dialysis-frequency", p + "P1|2021-W01")).isNull();
		assertThat(signal("after-death", p + "S6").path("measured").asDouble()).isEqualTo(5.0);
		JsonNode price = signal("price-over-ceiling", p + "S6|" + SmallExport.DRUG);
		assertThat(price.path("money").asDouble()).isEqualTo(0.10);
		assertThat(price.path("party_key").asText()).isEqualTo("H37030300012");

		// the same window again: the same signals, not twice as many
		long before = count(p);
		engine.run(new RunRequest(rules, WINDOW, REGION, "analyst1", "CLI"));
		assertThat(count(p)).isEqualTo(before).isEqualTo(3);

		// an exemption suppresses the signal: kept, flagged and counted
		exemptions.add("after-death", p + "S6", "死亡日期登记错误，已核实", LocalDate.of(2099, 1, 1), "analyst1");
		RunRecord third = engine.run(new RunRequest(rules, WINDOW, REGION, "analyst1", "CLI"));
		assertThat(third.result("after-death").suppressed()).isGreaterThanOrEqualTo(1);
		assertThat(signal("after-death", p + "S6").path("suppressed").asBoolean()).isTrue();
		assertThat(count(p)).isEqualTo(3);

		// a signal found void on appeal (appeals module) stays void: the next run over the same evidence suppresses it
		JsonNode voided = signal("price-over-ceiling", p + "S6|" + SmallExport.DRUG);
		List<String> lines = new java.util.ArrayList<>();
		voided.path("line_refs").forEach(l -> lines.add(l.asText()));
		List<String> settlements = new java.util.ArrayList<>();
		voided.path("settlement_ids").forEach(id -> settlements.add(id.asText()));
		assertThat(voided.path("suppressed").asBoolean()).isFalse();
		signalExemptions.exempt(SignalSink.id("price-over-ceiling", p + "S6|" + SmallExport.DRUG, WINDOW),
				SignalExemptions.evidenceKey(lines, settlements), "申诉成立：已备案", "analyst2");
		RunRecord fourth = engine.run(new RunRequest(rules, WINDOW, REGION, "analyst1", "CLI"));
		assertThat(fourth.result("price-over-ceiling").suppressed()).isGreaterThanOrEqualTo(1);
		assertThat(signal("price-over-ceiling", p + "S6|" + SmallExport.DRUG).path("suppressed").asBoolean()).isTrue();
		assertThat(count(p)).isEqualTo(3);

		// a parameter change that clears a case: the run deletes the signal it no longer finds, and keeps the others
		jdbc.sql("insert into rule_parameter values ('dialysis-frequency', '9999', 'max_days_per_week', '4', 'test', current_timestamp)").update();
		engine.run(new RunRequest(rules, WINDOW, REGION, "analyst1", "CLI"));
		assertThat(count(p)).isEqualTo(2);
		assertThat(signal("dialysis-frequency", p + "P1|2020-W53")).isNull();
		assertThat(signal("after-death", p + "S6")).isNotNull();
		jdbc.sql("delete from rule_parameter where region = '9999'").update();
	}

	@Test
	void leadsGroupASubjectsSignalsIntoOne() throws Exception {
		String p = "RL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		Window window = new Window(LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 30));
		SmallExport export = new SmallExport(p).person("P1", 103, "");
		for (int i = 1; i <= 3; i++) {
			export.visit("S" + i, "P1", "H37030300012", "11", "2021-06-0" + i, "E11.900", SmallExport.DRUG, "0.70");
		}
		loader.load(export.writeTo(temp.resolve("export2")), "analyst1", LoadProgress.NONE);

		RunRecord run = engine.run(new RunRequest(List.of("price-over-ceiling"), window, REGION, "analyst1", "CLI"));

		String leadId = Lead.id("provider", "H37030300012", window);
		JsonNode lead = api("GET", "/api/rules/leads/" + leadId, null, "analyst");
		// one lead for the provider, holding every signal of it in the window (earlier runs of this test add theirs)
		assertThat(lead.at("/lead/runId").asText()).isEqualTo(run.id());
		assertThat(lead.at("/lead/signals").asLong()).isEqualTo(lead.path("signals").size()).isGreaterThanOrEqualTo(3);
		double money = 0;
		long mine = 0;
		for (JsonNode s : lead.path("signals")) {
			money += s.path("money").asDouble();
			mine += s.path("subject_key").asText().startsWith(p) ? 1 : 0;
		}
		assertThat(mine).isEqualTo(3);
		assertThat(lead.at("/lead/money").asDouble()).isCloseTo(money, org.assertj.core.data.Offset.offset(0.005));
	}

	@Test
	void analystsChangeParametersPerRegionAndEveryChangeIsRecorded() throws Exception {
		String body = "{\"region\":\"9998\",\"values\":{\"max_gap_days\":\"10\"}}";
		JsonNode set = api("PUT", "/api/rules/readmission/parameters", body, "analyst");
		assertThat(set.at("/parameters/max_gap_days").asDouble()).isEqualTo(10.0);
		api("PUT", "/api/rules/readmission/parameters", "{\"region\":\"9998\",\"values\":{\"max_gap_days\":\"\"}}", "analyst");

		JsonNode history = api("GET", "/api/rules/readmission/parameters/history", null, "analyst");
		JsonNode latest = history.get(0);
		assertThat(latest.path("oldValue").asText()).isEqualTo("10");
		assertThat(latest.path("newValue").isNull()).isTrue();
		assertThat(latest.path("changedBy").asText()).isNotBlank();
		assertThat(history.get(1).path("newValue").asText()).isEqualTo("10");

		HttpResponse<String> notANumber = send("PUT", "/api/rules/readmission/parameters",
				"{\"region\":\"9998\",\"values\":{\"max_gap_days\":\"x\"}}", "analyst");
		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(notANumber.body()).path("key").asText()).isEqualTo("rules.parameter.not-a-number");
		assertThat(JSON.readTree(notANumber.body()).path("detail").asText()).isEqualTo("参数 max_gap_days 的值“x”不是数字");
		HttpResponse<String> noRule = send("GET", "/api/rules/no-such-rule", null, "analyst");
		assertThat(noRule.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(noRule.body()).path("detail").asText()).isEqualTo("规则不存在：no-such-rule");
		assertThat(status("PUT", "/api/rules/readmission/parameters", body, "director")).isEqualTo(403);
		assertThat(status("GET", "/api/rules", null, "director")).isEqualTo(200);
		assertThat(status("GET", "/api/rules", null, "inspector")).isEqualTo(403);
	}

	private JsonNode signal(String rule, String subject) {
		JsonNode r = elastic.send("GET", "/" + signals.alias() + "/_doc/" + java.net.URLEncoder.encode(
				SignalSink.id(rule, subject, subject.startsWith("RE") ? WINDOW : WINDOW), java.nio.charset.StandardCharsets.UTF_8), null);
		return r == null ? null : r.path("_source");
	}

	private long count(String prefix) {
		elastic.send("POST", "/" + signals.alias() + "/_refresh", null);
		return elastic.send("POST", "/" + signals.alias() + "/_count",
				"{\"query\":{\"bool\":{\"filter\":[{\"prefix\":{\"subject_key\":\"" + prefix + "\"}}]}}}").path("count").asLong();
	}

	private JsonNode api(String method, String path, String body, String role) throws Exception {
		HttpResponse<String> r = send(method, path, body, role);
		assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
		return JSON.readTree(r.body());
	}

	private int status(String method, String path, String body, String role) throws Exception {
		return send(method, path, body, role).statusCode();
	}

	private HttpResponse<String> send(String method, String path, String body, String role) throws Exception {
		String token = KeycloakTokens.accessToken(DemoUsers.withRole(role).username());
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
		b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}
}
