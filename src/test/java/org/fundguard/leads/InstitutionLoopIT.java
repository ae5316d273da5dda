package org.fundguard.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.claims.load.ClaimsLoader;
import org.fundguard.claims.load.LoadProgress;
import org.fundguard.claims.load.LoadRecord;
import org.fundguard.rules.Lead;
import org.fundguard.rules.Leads;
import org.fundguard.rules.RuleEngine;
import org.fundguard.rules.RunRecord;
import org.fundguard.rules.RunRequest;
import org.fundguard.rules.SmallExport;
import org.fundguard.rules.Window;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The loop with nothing faked, through the API with real Keycloak tokens: a rule run finds an over-ceiling price at
 * institution1's hospital; analyst1 issues the lead (leads module → the real appeals module); institution1 accepts
 * its signals; the lead is then confirmed and the recovery ledger holds one row per signal, which institution1 reads
 * as its own and institution2 does not see.
 */
@IntegrationTest
class InstitutionLoopIT {

	static final String HOSPITAL = "H37030200002";
	/** A month no other test's data or rule window reaches. */
	static final Window WINDOW = new Window(LocalDate.of(2032, 3, 1), LocalDate.of(2032, 3, 31));
	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort int port;
	@Autowired ClaimsLoader loader;
	@Autowired RuleEngine engine;
	@Autowired Leads leads;

	@TempDir Path temp;

	@Test
	void aLeadIssuedByAnAnalystIsAcceptedByTheInstitutionConfirmedAndRecovered() throws Exception {
		String p = "LOOP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
		SmallExport export = new SmallExport(p).provider(HOSPITAL, "淄川博爱第二医院", "370302").person("P1", 401, "")
			.visit("S1", "P1", HOSPITAL, "11", "2032-03-10", "E11.900", SmallExport.DRUG, "0.60");
		LoadRecord load = loader.load(export.writeTo(temp.resolve("export")), "analyst1", LoadProgress.NONE);
		assertThat(load.status()).as(load.message()).isEqualTo("COMPLETED");
		RunRecord run = engine.run(new RunRequest(List.of("price-over-ceiling"), WINDOW, List.of("3703"), "analyst1", "CLI"));
		assertThat(run.status()).as(run.message()).isEqualTo("COMPLETED");
		Lead lead = leads.ofWindow(WINDOW.from(), WINDOW.to()).stream().filter(l -> l.partyKey().equals(HOSPITAL)).findFirst()
			.orElseThrow();

		String analyst = KeycloakTokens.accessToken("analyst1");
		var issued = Http.post(url("/api/leads/actions"), analyst,
				"{\"action\":\"ISSUE\",\"leadIds\":[\"" + lead.id() + "\"],\"reason\":\"下发机构核实\"}");
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
		assertThat(JSON.readTree(issued.body()).get(0).path("done").asBoolean()).as(issued.body()).isTrue();
		assertThat(state(analyst, lead.id())).isEqualTo("ISSUED");

		String institution1 = KeycloakTokens.accessToken("institution1");
		List<String> mine = new ArrayList<>();
		JSON.readTree(Http.get(url("/api/institution/signals"), institution1).body()).forEach(s -> {
			if (s.path("leadId").asText().equals(lead.id())) {
				mine.add(s.path("id").asText());
			}
		});
		assertThat(mine).as("the lead's signals reached its institution").isNotEmpty();
		String institution2 = KeycloakTokens.accessToken("institution2");
		assertThat(Http.get(url("/api/institution/signals"), institution2).body()).doesNotContain(lead.id());

		var accepted = Http.post(url("/api/institution/signals/answer"), institution1,
				JSON.writeValueAsString(java.util.Map.of("ids", mine, "answer", "ACCEPT")));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(state(analyst, lead.id())).as("every signal accepted").isEqualTo("CONFIRMED");

		JsonNode own = JSON.readTree(Http.get(url("/api/institution/recoveries"), institution1).body());
		List<String> booked = new ArrayList<>();
		own.path("entries").forEach(e -> booked.add(e.path("sourceKey").asText()));
		assertThat(booked).as("one recovery row per confirmed signal").containsAll(mine);
		String other = Http.get(url("/api/institution/recoveries"), institution2).body();
		for (String id : mine) {
			assertThat(other).doesNotContain(id);
		}
	}

	private String state(String token, String leadId) throws Exception {
		var r = Http.get(url("/api/leads/" + leadId), token);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return JSON.readTree(r.body()).path("state").asText();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
