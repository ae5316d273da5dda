package org.fundguard.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.rules.CheckSnapshot;
import org.fundguard.rules.ProspectiveSettlement;
import org.fundguard.rules.RuleEngine;
import org.fundguard.rules.RunRecord;
import org.fundguard.rules.RunRequest;
import org.fundguard.rules.SignalSearch;
import org.fundguard.rules.SmallExport;
import org.fundguard.rules.Window;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The pre-settlement check against the real Elasticsearch and Keycloak: a hand-made export in a month of its own is
 * loaded and the batch rules run over it; each of its settlements, sent back as a prospective settlement by an analyst,
 * gets the same hits per rule as the batch raised on it. An institution's client-credentials token checks its own
 * provider's settlement and is refused (403) another's; only answered checks are counted.
 */
@IntegrationTest
class SettlementCheckIT {

	static final Window WINDOW = new Window(LocalDate.of(2031, 6, 1), LocalDate.of(2031, 6, 30));
	static final String OWN = "H37030200002";
	static final String OTHER = "H37030300012";
	static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
	static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	ClaimsLoader loader;

	@Autowired
	RuleEngine engine;

	@Autowired
	ElasticJson elastic;

	@Autowired
	ElasticsearchProperties es;

	@Autowired
	SignalSearch search;

	@Autowired
	CheckSnapshots snapshots;

	@Autowired
	CheckCounts counts;

	@Autowired
	Clock clock;

	@LocalServerPort
	int port;

	@TempDir
	Path temp;

	@Test
	void eachSettlementGetsTheBatchRulesHitsAndAnInstitutionChecksOnlyItsOwn() throws Exception {
		String p = "CK" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		SmallExport export = new SmallExport(p).person("P1", 301, "").person("P2", 302, "2031-06-05")
			.visit("S1", "P1", OTHER, "11", "2031-06-03", "E11.900", SmallExport.DRUG, "0.60")
			.visit("S2", "P1", OTHER, "14", "2031-06-04", "J20.000", SmallExport.DIALYSIS, "410.00")
			.visit("S3", "P2", OTHER, "11", "2031-06-10", "E11.900", SmallExport.DRUG, "0.40")
			.visit("S4", "P1", OTHER, "11", "2031-06-20", "E11.900", SmallExport.DRUG, "0.40")
			.stay("T1", "P1", "H37030300011", "2031-06-10", "2031-06-15", "E11.900", SmallExport.DRUG, "0.40")
			.stay("T2", "P1", OTHER, "2031-06-12", "2031-06-14", "E11.900", SmallExport.DRUG, "0.40")
			.visit("S5", "P1", OTHER, "11", "2031-06-13", "E11.900", SmallExport.DRUG, "0.40");
		LoadRecord load = loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);
		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED");
		RunRecord run = engine.run(new RunRequest(CheckSnapshot.RULES, WINDOW, List.of("3703"), "analyst1", "CLI"));
		assertThat(run.status()).isEqualTo("COMPLETED");
		snapshots.refreshIfChanged();

		BatchComparison compare = new BatchComparison(elastic, es, search);
		String analyst = KeycloakTokens.accessToken("analyst1");
		Map<String, Map<String, Integer>> expected = Map.of("S1", Map.of("price-over-ceiling", 1),
				"S2", Map.of("restricted-diagnosis", 1), "S3", Map.of("after-death", 1), "S4", Map.of(),
				"T1", Map.of("overlapping-stays", 1), "T2", Map.of("overlapping-stays", 1),
				"S5", Map.of("outpatient-during-stay", 1));
		for (var e : expected.entrySet()) {
			String id = p + e.getKey();
			HttpResponse<String> answer = Http.post(url(), analyst, JSON.writeValueAsString(compare.prospective(id)));
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			List<String> rules = new ArrayList<>();
			JSON.readTree(answer.body()).path("hits").forEach(h -> rules.add(h.path("ruleId").asText()));
			// the batch's result is the yardstick; the expectation keeps a check and a batch that both find nothing from passing
			assertThat(BatchComparison.count(rules)).as(id).isEqualTo(compare.batch(id, WINDOW)).isEqualTo(e.getValue());
		}

		ProspectiveSettlement s1 = compare.prospective(p + "S1");
		String institution = clientCredentials("fundguard-inst-1", "fundguard-inst-1-secret");
		long[] before = counts.of(OWN, LocalDate.now(clock));
		long[] otherBefore = counts.of(OTHER, LocalDate.now(clock));
		HttpResponse<String> other = Http.post(url(), institution, JSON.writeValueAsString(s1));
		assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
		assertThat(JSON.readTree(other.body()).path("key").asText()).isEqualTo("checks.settlement.other-provider");

		ProspectiveSettlement own = new ProspectiveSettlement(s1.personId(), OWN, s1.medType(), s1.diagnosisCodes(), s1.visitStart(),
				s1.visitEnd(), s1.lines());
		HttpResponse<String> answer = Http.post(url(), institution, JSON.writeValueAsString(own));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode hit = JSON.readTree(answer.body()).path("hits").get(0);
		assertThat(hit.path("ruleId").asText()).isEqualTo("price-over-ceiling");
		assertThat(hit.path("ruleName").asText()).isEqualTo("超标准收费（单价超过限价）");
		assertThat(hit.path("message").asText()).contains("超过限价");
		assertThat(hit.path("lines")).hasSize(1);
		long[] after = counts.of(OWN, LocalDate.now(clock));
		assertThat(after[0] - before[0]).isEqualTo(1);
		assertThat(after[1] - before[1]).isEqualTo(1);
		assertThat(counts.of(OTHER, LocalDate.now(clock))[0] - otherBefore[0]).as("a refused check is not counted").isZero();
		counts.flush();
		assertThat(counts.of(OWN, LocalDate.now(clock))).containsExactly(after);

		// a malformed body is refused naming the field
		HttpResponse<String> bad = Http.post(url(), analyst, "{\"personId\":\"X\",\"providerCode\":\"" + OWN + "\",\"medType\":\"11\",\"lines\":[]}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(bad.body()).path("detail").asText()).contains("visitStart");
	}

	private String url() {
		return "http://localhost:" + port + "/api/checks/settlement";
	}

	/** An institution system's token (the OAuth2 client-credentials grant), carrying its provider_code. */
	static String clientCredentials(String client, String secret) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(Services.realmUrl() + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client + "&client_secret=" + secret))
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).path("access_token").asText();
	}
}
