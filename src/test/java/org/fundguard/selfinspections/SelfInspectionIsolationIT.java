package org.fundguard.selfinspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.claims.ClaimsDirectory.Provider;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.Services;
import org.fundguard.support.WebSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Against the real Keycloak: an institution reads and answers only its own self-inspection, through its users'
 * tokens, its system's client-credentials token and its pages; another institution's report is 404 by id, absent from
 * its list, and cannot be answered; bureau staff have no institution API. The institutions in scope come from a
 * stand-in directory (the claims index of the test run may hold other providers).
 */
@IntegrationTest
class SelfInspectionIsolationIT {

	static final String H1 = "H37030200002";
	static final String H2 = "H37032200005";

	@LocalServerPort
	int port;

	@MockitoBean
	ClaimsDirectory directory;

	@Autowired
	SelfInspections selfInspections;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void anInstitutionSeesAndAnswersOnlyItsOwnSelfInspection() throws Exception {
		when(directory.provider(H1)).thenReturn(Optional.of(new Provider(H1, "第一医院", "hospital", "2", "370302", "active")));
		when(directory.provider(H2)).thenReturn(Optional.of(new Provider(H2, "第二医院", "hospital", "2", "370322", "active")));
		long id = selfInspections.launch(new SelfInspectionDraft("隔离测试自查 " + System.nanoTime(),
				List.of("price-over-ceiling"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), List.of(), List.of(),
				List.of(H1, H2), 10), new CurrentUser("director1", "局长", Set.of(Role.DIRECTOR)));
		long report1 = selfInspections.reports(id).stream().filter(r -> r.providerCode().equals(H1)).findFirst().orElseThrow().id();
		String inst1 = KeycloakTokens.accessToken("institution1");
		String inst2 = KeycloakTokens.accessToken("institution2");
		String api = "http://localhost:" + port + "/api/institution/self-inspections";

		assertThat(Http.get(api + "/" + report1, inst2).statusCode()).isEqualTo(404);
		assertThat(json.readTree(Http.get(api, inst2).body()).findValues("reportId")).extracting(JsonNode::asLong)
			.doesNotContain(report1);
		assertThat(Http.post(api + "/" + report1 + "/report", inst2, "{\"found\":\"冒名报告\"}").statusCode()).isEqualTo(404);
		assertThat(Http.get(api + "/" + report1, clientToken(2)).statusCode()).isEqualTo(404);
		assertThat(Http.get(api, KeycloakTokens.accessToken("analyst1")).statusCode()).isEqualTo(403);
		assertThat(Http.get(api + "/" + report1, null).statusCode()).isEqualTo(401);
		assertThat(selfInspections.report(report1).status()).isEqualTo(InstitutionReport.Status.AWAITING);

		HttpResponse<String> own = Http.get(api + "/" + report1, clientToken(1));
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		assertThat(json.readTree(own.body()).path("open").asBoolean()).isTrue();
		assertThat(json.readTree(Http.get(api, inst1).body()).findValues("reportId")).extracting(JsonNode::asLong)
			.contains(report1);

		HttpResponse<String> answered = Http.post(api + "/" + report1 + "/report", inst1,
				"{\"found\":\"自查发现超限价收费 2 笔\",\"reportedRules\":[\"price-over-ceiling\"],\"refunded\":350.20}");
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		assertThat(selfInspections.report(report1).status()).isEqualTo(InstitutionReport.Status.REPORTED);
		assertThat(selfInspections.progress(id).refunded()).isEqualByComparingTo("350.20");

		// the bureau's API: a director launches, an analyst follows but may not launch, an institution reaches neither
		String launch = "{\"name\":\"接口发起 " + System.nanoTime() + "\",\"ruleIds\":[\"price-over-ceiling\"],"
				+ "\"from\":\"2026-01-01\",\"to\":\"2026-06-30\",\"providerCodes\":[\"" + H1 + "\"],\"deadlineWorkingDays\":5}";
		String bureau = "http://localhost:" + port + "/api/self-inspections";
		assertThat(Http.post(bureau, KeycloakTokens.accessToken("analyst1"), launch).statusCode()).isEqualTo(403);
		assertThat(Http.get(bureau, inst1).statusCode()).isEqualTo(403);
		HttpResponse<String> created = Http.post(bureau, KeycloakTokens.accessToken("director1"), launch);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode progress = json.readTree(Http.get(bureau + "/" + id, KeycloakTokens.accessToken("analyst1")).body())
			.path("progress");
		assertThat(progress.path("inScope").asInt()).isEqualTo(2);
		assertThat(progress.path("reported").asInt()).isEqualTo(1);
	}

	@Test
	void theInstitutionPagesShowOnlyItsOwnAndTheBureauPageShowsProgress() {
		when(directory.provider(H1)).thenReturn(Optional.of(new Provider(H1, "第一医院", "hospital", "2", "370302", "active")));
		when(directory.provider(H2)).thenReturn(Optional.of(new Provider(H2, "第二医院", "hospital", "2", "370322", "active")));
		String base = "http://localhost:" + port;
		WebSession director = WebSession.signIn(base, "director1", DemoUsers.PASSWORD);
		Document list = director.page("/self-inspections");
		String name = "页面自查 " + System.nanoTime();
		HttpResponse<String> launched = director.submit(list.getElementById("launch-form"), Map.of("name", name, "ruleIds",
				"price-over-ceiling", "from", "2026-01-01", "to", "2026-06-30", "providers", H1 + "," + H2, "deadlineDays", "10"));
		assertThat(launched.body()).contains(name).contains("已向范围内各机构下发自查任务");
		long id = selfInspections.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
		long report1 = selfInspections.reports(id).stream().filter(r -> r.providerCode().equals(H1)).findFirst().orElseThrow().id();

		WebSession institution2 = WebSession.signIn(base, "institution2", DemoUsers.PASSWORD);
		assertThat(institution2.get("/institution/self-inspections/" + report1).statusCode()).isEqualTo(404);
		// institution2 is in scope too: it lists its own report of this self-inspection, never institution1's
		assertThat(institution2.page("/institution/self-inspections").select("a[href]").eachAttr("href"))
			.anyMatch(href -> href.startsWith("/institution/self-inspections/"))
			.noneMatch(href -> href.endsWith("/institution/self-inspections/" + report1));
		assertThat(institution2.get("/self-inspections").statusCode()).isEqualTo(403);

		WebSession institution1 = WebSession.signIn(base, "institution1", DemoUsers.PASSWORD);
		assertThat(institution1.page("/institution/self-inspections").text()).contains(name);
		Document page = institution1.page("/institution/self-inspections/" + report1);
		assertThat(page.getElementById("report-status").text()).isEqualTo("待报告");
		HttpResponse<String> sent = institution1.submit(page.getElementById("report-form"),
				Map.of("found", "未发现问题", "refunded", ""));
		assertThat(sent.body()).contains("自查报告已提交");
		assertThat(selfInspections.report(report1).status()).isEqualTo(InstitutionReport.Status.REPORTED);

		Document detail = director.page("/self-inspections/" + id);
		assertThat(detail.getElementById("reported").text()).isEqualTo("1");
		assertThat(detail.getElementById("reports").text()).contains("第一医院", "已报告", "第二医院", "待报告");
	}

	/** A token of institution n's own system: the OAuth2 client-credentials grant of its confidential client. */
	private static String clientToken(int n) throws Exception {
		String form = "grant_type=client_credentials&client_id=fundguard-inst-" + n + "&client_secret="
				+ URLEncoder.encode("fundguard-inst-" + n + "-secret", StandardCharsets.UTF_8);
		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create(Services.realmUrl() + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		return new ObjectMapper().readTree(r.body()).path("access_token").asText();
	}
}
