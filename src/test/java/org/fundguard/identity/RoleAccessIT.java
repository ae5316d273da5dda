package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.fundguard.support.DemoUsers;
import org.fundguard.support.DemoUsers.DemoUser;
import org.fundguard.support.Http;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every demo user gets a real token from Keycloak and reaches exactly the endpoints its role may, with 403
 * for the rest. The table here is the expectation; {@link EndpointAccess} is the implementation.
 */
@IntegrationTest
class RoleAccessIT {

	private static final Set<String> EVERY_ROLE = Set.of("inspector", "legal-reviewer", "director", "analyst", "admin",
			"report-handler");

	/** endpoint, roles that may reach it */
	private static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("/api/me", EVERY_ROLE),
			new Endpoint("/api/tasks/mine", Set.of("analyst", "inspector", "legal-reviewer", "director", "report-handler")),
			new Endpoint("/api/loads", Set.of("analyst", "admin")),
			new Endpoint("/api/rules", Set.of("analyst", "admin", "director")),
			// composing rules is the analysts' work alone (规则库)
			new Endpoint("/api/rules/library", Set.of("analyst")),
			// the leads list (线索处置) is read as the monitoring results are; its bulk actions are LeadTriageIT's
			new Endpoint("/api/leads", Set.of("analyst", "admin", "director")),
			// penalty procedures are case files: not the administrator's (docs/roles.md)
			new Endpoint("/api/penalties", Set.of("inspector", "legal-reviewer", "director")),
			new Endpoint("/api/penalties/tasks", Set.of("inspector", "legal-reviewer", "director")),
			new Endpoint("/api/inspections/plans", Set.of("inspector", "director")),
			new Endpoint("/api/inspections/pool", Set.of("inspector", "director", "admin")),
			// which cases each sees is decided case by case (cases.CaseAccessIT); the list itself is theirs
			new Endpoint("/api/cases", Set.of("inspector", "legal-reviewer", "director")),
			new Endpoint("/api/reports", Set.of("report-handler")),
			// self-inspections (自查自纠): directors launch, analysts and inspectors follow (issue 18)
			new Endpoint("/api/self-inspections", Set.of("analyst", "inspector", "director")),
			new Endpoint("/api/calendar", Set.of("admin")),
			new Endpoint("/engine-rest/engine", Set.of("admin")),
			new Endpoint("/engine-rest/task/count", Set.of("admin")),
			new Endpoint("/actuator/prometheus", Set.of("admin")),
			new Endpoint("/actuator/metrics", Set.of("admin")),
			// an institution's own data; which rows, its provider code decides (InstitutionAccessIT)
			new Endpoint("/api/institution/inspections", Set.of("institution")),
			new Endpoint("/api/institution/decisions", Set.of("institution")),
			// credit (医保信用评价, issue 19): the bureau reads the scores; an institution its own under /institution
			new Endpoint("/api/credit", Set.of("analyst", "inspector", "director")),
			new Endpoint("/api/credit/institutions/H37030200002", Set.of("analyst", "inspector", "director")),
			// campaigns (专项整治): directors define, analysts and inspectors follow; institutions get nothing (issue 19)
			new Endpoint("/api/campaigns", Set.of("analyst", "inspector", "director")),
			// re-checks (抽查复查): inspectors work them, directors draw them; coverage (三个全覆盖) for the bureau (issue 19)
			new Endpoint("/api/rechecks", Set.of("inspector", "director")),
			new Endpoint("/api/coverage?year=2025", Set.of("analyst", "inspector", "director")),
			// the supervision dashboard (监管驾驶舱, issue 19): directors and analysts
			new Endpoint("/api/dashboard", Set.of("analyst", "director")),
			new Endpoint("/api/dashboard/reports", Set.of("analyst", "director")),
			// focused inspections of a fund (重点检查, issue 19): analysts analyse, inspectors plan, directors sign off
			new Endpoint("/api/focus", Set.of("analyst", "inspector", "director")),
			new Endpoint("/api/no-such-endpoint", Set.of()));

	@LocalServerPort
	int port;

	static Stream<Arguments> everyUserAndEndpoint() {
		return DemoUsers.all().stream().flatMap(user -> ENDPOINTS.stream().map(e -> Arguments.of(user, e)));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("everyUserAndEndpoint")
	void eachRoleReachesExactlyTheEndpointsItMay(DemoUser user, Endpoint endpoint) {
		var response = Http.get(url(endpoint.path()), KeycloakTokens.accessToken(user.username()));

		boolean allowed = user.roles().stream().anyMatch(endpoint.roles()::contains);
		if (allowed) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
		else {
			assertThat(response.statusCode()).isEqualTo(403);
		}
	}

	@Test
	void theApiTellsWhoTheTokenBelongsTo() {
		var response = Http.get(url("/api/me"), KeycloakTokens.accessToken("reviewer1"));

		assertThat(response.body()).contains("\"username\":\"reviewer1\"", "\"displayName\":\"王芳\"",
				"\"id\":\"legal-reviewer\"", "\"label\":\"法制审核员\"");
	}

	@Test
	void theApiRefusesRequestsWithoutOrWithAForgedToken() {
		assertThat(Http.get(url("/api/me"), null).statusCode()).isEqualTo(401);

		String token = KeycloakTokens.accessToken("admin1");
		String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
		assertThat(Http.get(url("/api/me"), forged).statusCode()).isEqualTo(401);
		assertThat(Http.get(url("/engine-rest/engine"), null).statusCode()).isEqualTo(401);
	}

	@Test
	void healthIsOpenButItsDetailsAreForAdministrators() {
		var anonymous = Http.get(url("/actuator/health"), null);
		assertThat(anonymous.statusCode()).as(() -> Http.get(url("/actuator/health"), KeycloakTokens.accessToken("admin1")).body())
			.isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("elasticsearch");

		var admin = Http.get(url("/actuator/health"), KeycloakTokens.accessToken("admin1"));
		assertThat(admin.body()).contains("\"elasticsearch\":{\"status\":\"UP\"", "\"keycloak\":{\"status\":\"UP\"",
				"\"db\":{\"status\":\"UP\"");
	}

	@Test
	void prometheusMetricsIncludeTheProcessEngineAndHttpServer() {
		var metrics = Http.get(url("/actuator/prometheus"), KeycloakTokens.accessToken("admin1"));

		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "application=\"fundguard\"");
	}

	@Test
	void anUnauthenticatedBrowserIsSentToKeycloak() {
		var first = Http.get(url("/"), null);
		assertThat(first.statusCode()).isEqualTo(302);
		String next = first.headers().firstValue("Location").orElseThrow();
		assertThat(next).endsWith("/oauth2/authorization/keycloak");

		var second = Http.get(next.startsWith("http") ? next : url(next), null);
		assertThat(second.statusCode()).isEqualTo(302);
		assertThat(second.headers().firstValue("Location").orElseThrow())
			.startsWith(Services.realmUrl() + "/protocol/openid-connect/auth?")
			.contains("client_id=fundguard-app", "code_challenge_method=S256", "scope=openid");
	}

	@Test
	void publicPagesNeedNoSignIn() {
		var page = Http.get(url("/public"), null);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("公众服务");
	}

	@Test
	void publishedPenaltyDecisionsAndTypicalCasesNeedNoSignIn() {
		var decisions = Http.get(url("/public/penalties"), null);
		var exposure = Http.get(url("/public/exposure"), null);

		assertThat(decisions.statusCode()).isEqualTo(200);
		assertThat(decisions.body()).contains("行政处罚决定公示");
		assertThat(exposure.statusCode()).isEqualTo(200);
		assertThat(exposure.body()).contains("典型案例曝光");
	}

	@Test
	void completingAPenaltyTaskThroughTheApiNeedsATaskRole() {
		var analyst = Http.post(url("/api/penalties/tasks/no-such-task/claim"), KeycloakTokens.accessToken("analyst1"), "");
		var inspector = Http.post(url("/api/penalties/tasks/no-such-task/claim"), KeycloakTokens.accessToken("inspector1"), "");

		assertThat(analyst.statusCode()).isEqualTo(403);
		assertThat(inspector.statusCode()).as("allowed, but there is no such task").isEqualTo(404);
	}

	@Test
	void camundaSetupOfAFirstLocalAdministratorIsClosed() {
		var response = Http.get(url("/camunda/api/admin/setup/default/user/create"), null);

		assertThat(response.statusCode()).isIn(302, 403);
	}

	/** Inspectors work a focused inspection's plan, but only analysts and directors open one from a fund lead. */
	@Test
	void openingAFocusedInspectionIsForAnalystsAndDirectors() {
		String body = "{\"leadId\":\"no-such-lead\"}";
		var inspector = Http.post(url("/api/focus"), KeycloakTokens.accessToken("inspector1"), body);
		var institution = Http.post(url("/api/focus"), KeycloakTokens.accessToken("institution1"), body);
		var analyst = Http.post(url("/api/focus"), KeycloakTokens.accessToken("analyst1"), body);

		assertThat(inspector.statusCode()).isEqualTo(403);
		assertThat(institution.statusCode()).isEqualTo(403);
		assertThat(analyst.statusCode()).as("allowed, but there is no such lead").isEqualTo(404);
		assertThat(analyst.body()).contains("线索 no-such-lead 不存在");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	record Endpoint(String path, Set<String> roles) {
		@Override
		public String toString() {
			return path;
		}
	}
}
