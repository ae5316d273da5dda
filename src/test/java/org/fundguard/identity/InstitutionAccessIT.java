package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.Services;
import org.fundguard.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Institutions against the real Keycloak: institution1 (淄川博爱第二医院 H37030200002) and its system fundguard-inst-1
 * see their own published inspection results and penalty decisions and never institution2's (H37032200005), neither
 * in a list nor by id (404, as for a row that does not exist); the bureau's pages and APIs refuse them; a token with the
 * institution role and no provider code sees nothing.
 */
@IntegrationTest
class InstitutionAccessIT {

	private static final String H1 = "H37030200002";
	private static final String H2 = "H37032200005";
	private static final ObjectMapper JSON = new ObjectMapper();
	/** A user with the institution role and no provider_code, created in the shared realm by this test if absent. */
	private static final String UNBOUND = "institution-unbound-it";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService taskService;

	/** Rows of both institutions, published and not, fresh for each test: ids are what the tests probe. */
	private Fixture fixture;

	record Fixture(long inspection1, long inspection2, long unpublishedInspection1, long decision1, long decision2,
			long unpublishedDecision1) {
	}

	/** Shaped like a SHA-256 in hex, as the pages that show a draw's commitment (its first 16 characters) expect. */
	static final String HASH = "0123456789abcdef".repeat(4);

	@BeforeEach
	void rows() {
		OffsetDateTime now = OffsetDateTime.now();
		long plan = jdbc.sql("""
				insert into inspection_plan (name, plan_year, regions, provider_types, levels, sample_count, stratify_by, risk_weighted,
				  inspectors_per_institution, deadline, status, drafted_by, created_at, published_at)
				values ('机构访问测试计划', 2026, '3703', '', '', 3, 'NONE', false, 2, date '2026-12-31', 'CLOSED', 'it', ?, ?)
				""").params(now, now).update() > 0 ? lastId("inspection_plan") : -1;
		long draw = jdbc.sql("""
				insert into inspection_draw (plan_id, attempt, status, parameters, seed, seed_hash, directory_hash, pool_hash,
				  commitment, directory_snapshot, pool_snapshot, excluded, committed_at)
				values (?, 1, 'DRAWN', '', 's', ?, ?, ?, ?, '[]', '[]', '[]', ?)
				""").params(plan, HASH, HASH, HASH, HASH, now).update() > 0 ? lastId("inspection_draw") : -1;
		long i1 = inspection(plan, draw, 1, H1, "淄川博爱第二医院", "PUBLISHED", now);
		long i2 = inspection(plan, draw, 2, H2, "淄博博爱中心医院", "PUBLISHED", now);
		long i1Unpublished = inspection(plan, draw, 3, H1, "淄川博爱第二医院", "RECORDED", null);
		long d1 = decision(H1, "淄川博爱第二医院", now);
		long d2 = decision(H2, "淄博博爱中心医院", now);
		long d1Unpublished = decision(H1, "淄川博爱第二医院", null);
		fixture = new Fixture(i1, i2, i1Unpublished, d1, d2, d1Unpublished);
	}

	private long inspection(long plan, long draw, int seq, String code, String name, String status, OffsetDateTime published) {
		jdbc.sql("""
				insert into inspection (plan_id, draw_id, seq, provider_code, provider_name, provider_type, provider_level,
				  provider_region, stratum, status, result, result_note, recorded_by, recorded_at, published_by, published_at)
				values (?, ?, ?, ?, ?, 'hospital', '2', '370302', 'hospital', ?, 'CORRECTED_ON_SITE', '当场整改', 'it', ?, ?, ?)
				""").params(plan, draw, seq, code, name, status, OffsetDateTime.now(), published == null ? null : "it", published)
			.update();
		return lastId("inspection");
	}

	private long decision(String code, String name, OffsetDateTime published) {
		String number = "IT-" + UUID.randomUUID().toString().substring(0, 12);
		jdbc.sql("""
				insert into audit_case (case_number, subject_type, subject_key, subject_name, source, amount, summary, status,
				  received_at, opened_at, opened_by)
				values (?, 'INSTITUTION', ?, ?, 'LEAD', 1000, '机构访问测试', 'CLOSED', ?, ?, 'it')
				""").params(number, code, name, OffsetDateTime.now(), OffsetDateTime.now()).update();
		long caseId = lastId("audit_case");
		jdbc.sql("""
				insert into penalty_case (case_id, case_number, status, party_type, party_key, party_name, requested_by,
				  requested_at, article, recovery, fine, measure, decision_number, decided_at, decided_by, published_at)
				values (?, ?, 'CLOSED', 'INSTITUTION', ?, ?, 'it', ?, '38', 1000, 2000, 'NONE', ?, ?, 'it', ?)
				""").params(caseId, number, code, name, OffsetDateTime.now(), "淄医保罚〔2026〕" + number,
					OffsetDateTime.now(), published).update();
		return lastId("penalty_case");
	}

	private long lastId(String table) {
		return jdbc.sql("select max(id) from " + table).query(Long.class).single();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static JsonNode claims(String token) throws Exception {
		return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
	}

	private static List<Long> ids(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Long> ids = new java.util.ArrayList<>();
		JSON.readTree(response.body()).forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

	@Test
	void aUsersPasswordTokenAndAnInstitutionSystemsClientTokenCarryTheProviderCode() throws Exception {
		JsonNode user = claims(KeycloakTokens.accessToken("institution1"));
		JsonNode system1 = claims(KeycloakTokens.clientToken("fundguard-inst-1"));
		JsonNode system2 = claims(KeycloakTokens.clientToken("fundguard-inst-2"));

		assertThat(user.path("provider_code").asText()).isEqualTo(H1);
		assertThat(user.path("roles").toString()).contains("\"institution\"");
		assertThat(system1.path("provider_code").asText()).isEqualTo(H1);
		assertThat(system1.path("roles").toString()).contains("\"institution\"");
		assertThat(system1.path("aud").toString()).contains("fundguard-app");
		assertThat(system2.path("provider_code").asText()).isEqualTo(H2);
		assertThat(DemoUsers.named("institution2").providerCode()).isEqualTo(H2);
	}

	@Test
	void theApiTellsAnInstitutionsSystemWhichInstitutionItActsForAndNamesItByItsCode() throws Exception {
		JsonNode system = JSON.readTree(Http.get(url("/api/institution/me"), KeycloakTokens.clientToken("fundguard-inst-1"))
			.body());
		JsonNode user = JSON.readTree(Http.get(url("/api/institution/me"), KeycloakTokens.accessToken("institution2")).body());

		assertThat(system.path("username").asText()).isEqualTo("service-account-fundguard-inst-1");
		assertThat(system.path("displayName").asText()).isEqualTo("机构系统 " + H1);
		assertThat(system.path("providerCode").asText()).isEqualTo(H1);
		assertThat(user.path("displayName").asText()).isEqualTo(DemoUsers.named("institution2").displayName());
		assertThat(user.path("providerCode").asText()).isEqualTo(H2);
		assertThat(Http.get(url("/api/institution/tasks"), KeycloakTokens.clientToken("fundguard-inst-1")).statusCode())
			.isEqualTo(200);
		assertThat(Http.get(url("/api/institution/me"), KeycloakTokens.accessToken("inspector1")).statusCode())
			.as("the bureau's staff are no institution").isEqualTo(403);
	}

	@Test
	void theBureausApisRefuseInstitutionsUsersAndSystems() {
		for (String token : List.of(KeycloakTokens.accessToken("institution1"), KeycloakTokens.clientToken("fundguard-inst-1"))) {
			for (String api : List.of("/api/cases", "/api/rules", "/api/rules/library", "/api/loads", "/api/me",
					"/api/tasks/mine", "/api/penalties", "/api/inspections/plans", "/api/reports", "/engine-rest/engine")) {
				assertThat(Http.get(url(api), token).statusCode()).as(api).isEqualTo(403);
			}
		}
	}

	@Test
	void theBureausPagesAndCockpitRefuseAnInstitutionsUserWhoLandsOnItsOwnHome() {
		WebSession session = WebSession.signIn(url(""), "institution1", DemoUsers.PASSWORD);

		HttpResponse<String> home = session.get("/institution");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(H1, "疑点与申诉", "/institution/signals", "/institution/recoveries",
				"/institution/self-inspections", "/institution/inspections", "/institution/decisions")
			.doesNotContain("/cases\"", "/rules\"");
		for (String page : List.of("/", "/cases", "/rules", "/loads", "/penalties", "/inspections", "/camunda/app/cockpit/",
				"/camunda/app/admin/")) {
			assertThat(session.get(page).statusCode()).as(page).isEqualTo(403);
		}
	}

	@Test
	void anInstitutionSeesItsOwnPublishedInspectionResultsAndNeverAnothers() throws Exception {
		for (String token : List.of(KeycloakTokens.accessToken("institution1"), KeycloakTokens.clientToken("fundguard-inst-1"))) {
			List<Long> listed = ids(Http.get(url("/api/institution/inspections"), token));

			assertThat(listed).contains(fixture.inspection1()).doesNotContain(fixture.inspection2(),
					fixture.unpublishedInspection1());
			assertThat(Http.get(url("/api/institution/inspections/" + fixture.inspection1()), token).statusCode())
				.isEqualTo(200);
			assertThat(Http.get(url("/api/institution/inspections/" + fixture.inspection2()), token).statusCode())
				.as("another institution's result is as absent as one that does not exist").isEqualTo(404);
			assertThat(Http.get(url("/api/institution/inspections/" + fixture.unpublishedInspection1()), token)
				.statusCode()).isEqualTo(404);
		}
		List<Long> seenBy2 = ids(Http.get(url("/api/institution/inspections"), KeycloakTokens.clientToken("fundguard-inst-2")));
		assertThat(seenBy2).contains(fixture.inspection2()).doesNotContain(fixture.inspection1());
		assertThat(Http.get(url("/api/institution/inspections/" + fixture.inspection1()),
				KeycloakTokens.accessToken("institution2")).statusCode()).isEqualTo(404);
	}

	@Test
	void anInstitutionSeesItsOwnPublishedDecisionsAndNeverAnothers() throws Exception {
		for (String token : List.of(KeycloakTokens.accessToken("institution1"), KeycloakTokens.clientToken("fundguard-inst-1"))) {
			List<Long> listed = ids(Http.get(url("/api/institution/decisions"), token));

			assertThat(listed).contains(fixture.decision1()).doesNotContain(fixture.decision2(), fixture.unpublishedDecision1());
			assertThat(Http.get(url("/api/institution/decisions/" + fixture.decision1()), token).statusCode()).isEqualTo(200);
			assertThat(Http.get(url("/api/institution/decisions/" + fixture.decision2()), token).statusCode()).isEqualTo(404);
			assertThat(Http.get(url("/api/institution/decisions/" + fixture.unpublishedDecision1()), token).statusCode())
				.isEqualTo(404);
		}
		assertThat(Http.get(url("/api/institution/decisions/" + fixture.decision1()),
				KeycloakTokens.clientToken("fundguard-inst-2")).statusCode()).isEqualTo(404);
	}

	@Test
	void theInstitutionPagesShowOnlyTheUsersOwnRows() {
		WebSession session = WebSession.signIn(url(""), "institution1", DemoUsers.PASSWORD);

		String results = session.get("/institution/inspections").body();
		String decisions = session.get("/institution/decisions").body();

		assertThat(results).contains("data-inspection=\"" + fixture.inspection1() + "\"")
			.doesNotContain("data-inspection=\"" + fixture.inspection2() + "\"");
		assertThat(decisions).contains("data-decision=\"" + fixture.decision1() + "\"")
			.doesNotContain("data-decision=\"" + fixture.decision2() + "\"");
		assertThat(session.get("/institution/inspections/" + fixture.inspection2()).statusCode()).isEqualTo(404);
		assertThat(session.get("/institution/decisions/" + fixture.decision2()).statusCode()).isEqualTo(404);
		assertThat(session.get("/institution/decisions/" + fixture.decision1()).statusCode()).isEqualTo(200);
	}

	@Test
	void aTaskOfferedToOneInstitutionsGroupReachesThatInstitutionOnly() throws Exception {
		BpmnModelInstance model = Bpmn.createExecutableProcess("Process_InstitutionAccessTest")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_AnswerSignal").name("答复疑点（测试）")
			.camundaCandidateGroups("${group}")
			.endEvent()
			.done();
		var deployment = repository.createDeployment().addModelInstance("institution-access-test.bpmn", model).deploy();
		try {
			String forH1 = runtime.startProcessInstanceByKey("Process_InstitutionAccessTest",
					Map.of("group", Role.institutionGroup(H1))).getId();
			String taskOfH1 = taskService.createTaskQuery().processInstanceId(forH1).singleResult().getId();

			assertThat(taskIds(KeycloakTokens.clientToken("fundguard-inst-1"))).contains(taskOfH1);
			assertThat(taskIds(KeycloakTokens.accessToken("institution1"))).contains(taskOfH1);
			assertThat(taskIds(KeycloakTokens.clientToken("fundguard-inst-2"))).doesNotContain(taskOfH1);
			assertThat(taskIds(KeycloakTokens.accessToken("institution2"))).doesNotContain(taskOfH1);
			assertThat(taskIds(unboundUsersToken())).isEmpty();

			WebSession two = WebSession.signIn(url(""), "institution2", DemoUsers.PASSWORD);
			assertThat(two.get("/institution").body()).doesNotContain(taskOfH1);
			WebSession one = WebSession.signIn(url(""), "institution1", DemoUsers.PASSWORD);
			assertThat(one.get("/institution").body()).contains("data-task=\"" + taskOfH1 + "\"", "答复疑点（测试）");
		}
		finally {
			repository.deleteDeployment(deployment.getId(), true);
		}
	}

	private List<String> taskIds(String token) throws Exception {
		HttpResponse<String> response = Http.get(url("/api/institution/tasks"), token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new java.util.ArrayList<>();
		JSON.readTree(response.body()).forEach(n -> ids.add(n.get("id").asText()));
		return ids;
	}

	@Test
	void aTokenWithTheInstitutionRoleButNoProviderCodeSeesNothing() throws Exception {
		String token = unboundUsersToken();
		assertThat(claims(token).has("provider_code")).isFalse();

		assertThat(ids(Http.get(url("/api/institution/inspections"), token))).isEmpty();
		assertThat(ids(Http.get(url("/api/institution/decisions"), token))).isEmpty();
		assertThat(Http.get(url("/api/institution/inspections/" + fixture.inspection1()), token).statusCode()).isEqualTo(404);
		assertThat(Http.get(url("/api/institution/decisions/" + fixture.decision1()), token).statusCode()).isEqualTo(404);
		assertThat(Http.get(url("/api/cases"), token).statusCode()).isEqualTo(403);
	}

	/**
	 * The realm has no such user on purpose (it would be a broken account in the demo): the test makes one through the
	 * admin API of the local Keycloak (the launcher's bootstrap admin/admin), with the role and without the attribute.
	 */
	private String unboundUsersToken() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String admin = JSON.readTree(http.send(form(Services.keycloakUrl() + "/realms/master/protocol/openid-connect/token",
				Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")),
				HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
		String users = Services.keycloakUrl() + "/admin/realms/fundguard/users";
		String found = http.send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username=" + UNBOUND))
			.header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
		if (JSON.readTree(found).isEmpty()) {
			String user = JSON.writeValueAsString(Map.of("username", UNBOUND, "enabled", true, "emailVerified", true,
					"firstName", "未绑定", "lastName", "测试", "email", UNBOUND + "@fundguard.example",
					"credentials", List.of(Map.of("type", "password", "value", DemoUsers.PASSWORD, "temporary", false))));
			HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(users))
				.header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(user)).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
			String role = http.send(HttpRequest.newBuilder(URI.create(Services.keycloakUrl()
					+ "/admin/realms/fundguard/roles/institution")).header("Authorization", "Bearer " + admin).GET().build(),
					HttpResponse.BodyHandlers.ofString()).body();
			HttpResponse<String> granted = http.send(HttpRequest.newBuilder(URI.create(users + "/" + id
					+ "/role-mappings/realm")).header("Authorization", "Bearer " + admin)
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[" + role + "]"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(granted.statusCode()).as(granted.body()).isEqualTo(204);
		}
		return KeycloakTokens.accessToken(UNBOUND);
	}

	private static HttpRequest form(String url, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}
}
