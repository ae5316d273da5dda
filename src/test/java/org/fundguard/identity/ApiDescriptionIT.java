package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI description against the application itself: every handler that answers a program (a REST controller or
 * a response body, under /api or the public paths) is in it, each with the roles the security rules really let
 * through and the problem-details refusals; Swagger UI and the description open for an administrator, signed in
 * through the real Keycloak, and are refused to everyone else.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionIT {

	private static final List<String> DESCRIBED_PREFIXES = List.of("/api/", "/public/", "/portal/");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	JsonNode description;

	@BeforeAll
	void readTheDescriptionAsAdministrator() throws Exception {
		try (Browser browser = new Browser()) {
			browser.open(url("/swagger-ui.html"));
			browser.signInAtKeycloak("admin1", DemoUsers.PASSWORD);
			// Swagger UI renders the description it fetched: its title and a module's tag
			browser.waitForText("FundGuard 医保基金监管平台 API");
			browser.waitFor(By.cssSelector(".opblock-tag-section"));
			browser.screenshot("swagger-ui-admin1");
			description = new ObjectMapper().readTree(fetch(browser, "/v3/api-docs").get("body").toString());
		}
	}

	@Test
	void everyControllerMappingForProgramsIsDescribed() {
		List<String> expected = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (answersPrograms(info, handler)) {
				for (String path : paths(info)) {
					for (String method : methods(info)) {
						expected.add(method + " " + path);
					}
				}
			}
		});

		assertThat(expected).as("mappings found").hasSizeGreaterThan(30)
			.contains("post /api/loads", "get /api/me", "put /api/inspections/pool/{id}", "get /portal/providers",
					"post /public/inspections/verify");
		assertThat(expected).allSatisfy(operation -> {
			String[] parts = operation.split(" ", 2);
			assertThat(description.path("paths").path(parts[1]).has(parts[0])).as(operation + " in /v3/api-docs").isTrue();
		});
	}

	@Test
	void eachOperationNamesTheRolesTheSecurityRulesLetThrough() {
		assertThat(roles("/api/loads", "post")).containsExactly("analyst", "admin");
		assertThat(roles("/api/me", "get")).containsExactlyInAnyOrder("inspector", "legal-reviewer", "director", "analyst",
				"admin", "report-handler");
		assertThat(roles("/api/reports", "get")).containsExactly("report-handler");
		assertThat(roles("/api/cases/leads/{leadId}", "post")).containsExactly("director");
		assertThat(roles("/api/inspections/pool/{id}", "put")).containsExactlyInAnyOrder("director", "admin");
		JsonNode loads = description.at("/paths/~1api~1loads/post");
		assertThat(loads.path("description").asText()).contains("数据分析员 (analyst)", "系统管理员 (admin)");
		assertThat(loads.path("security").get(0).has(ApiDescription.SCHEME)).isTrue();

		JsonNode providers = description.at("/paths/~1portal~1providers/get");
		assertThat(providers.path("security")).isEmpty();
		assertThat(providers.path("description").asText()).contains("公开");
	}

	@Test
	void everyOperationCarriesTheRefusalsAsProblemDetailsInChineseAndEnglish() {
		description.path("paths").forEach(item -> item.forEach(operation -> {
			for (String status : List.of("400", "403", "404", "409")) {
				JsonNode problem = operation.at("/responses/" + status + "/content/application~1problem+json");
				assertThat(problem.isMissingNode()).as(operation.path("operationId") + " " + status).isFalse();
				JsonNode example = problem.at("/examples/refusal/value");
				assertThat(example.path("status").asInt()).isEqualTo(Integer.parseInt(status));
				assertThat(example.path("type").asText()).isEqualTo("urn:fundguard:problem:" + example.path("key").asText());
				assertThat(example.path("detail").asText()).containsPattern("\\p{IsHan}");
				assertThat(example.path("detailEn").asText()).matches("[\\x20-\\x7e]+");
			}
		}));
		assertThat(description.at("/paths/~1api~1tasks~1{id}~1claim/post/responses/409/content/application~1problem+json"
				+ "/examples/refusal/value/detail").asText()).isEqualTo("任务已由 reviewer1 认领");
	}

	@Test
	void everyOperationSaysInChineseWhatItDoes() {
		description.path("paths").forEach(item -> item.forEach(operation -> assertThat(operation.path("summary").asText())
			.as(operation.path("operationId").asText())
			.containsPattern("\\p{IsHan}")));
	}

	@Test
	void operationsAreGroupedByModule() {
		assertThat(description.at("/paths/~1api~1cases/get/tags/0").asText()).isEqualTo("稽核案件 Audit cases");
		assertThat(description.at("/paths/~1api~1loads/post/tags/0").asText()).isEqualTo("医保数据 Claims");
		Set<String> tags = new TreeSet<>();
		description.path("tags").forEach(t -> tags.add(t.path("name").asText()));
		assertThat(tags).contains("智能监控 Monitoring rules", "监督举报 Reports", "工作台 Workbench");
	}

	@Test
	void onlyAnAdministratorGetsSwaggerUiAndTheDescription() {
		for (String username : List.of("inspector1", "director1", "analyst1")) {
			try (Browser browser = new Browser()) {
				browser.open(url("/swagger-ui.html"));
				browser.signInAtKeycloak(username, DemoUsers.PASSWORD);
				browser.waitForText("无权访问");
				assertThat(fetch(browser, "/v3/api-docs").get("status")).as(username).isEqualTo(403L);
				assertThat(fetch(browser, "/swagger-ui/index.html").get("status")).as(username).isEqualTo(403L);
			}
		}
	}

	@Test
	void aProgramWithAnAdministratorsTokenReadsTheDescriptionAndNoOtherTokenDoes() throws Exception {
		HttpResponse<String> admin = withToken("admin1");
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(new ObjectMapper().readTree(admin.body()).path("paths").has("/api/tasks/mine")).isTrue();
		for (String username : List.of("inspector1", "analyst1")) {
			HttpResponse<String> refused = withToken(username);
			assertThat(refused.statusCode()).as(username).isEqualTo(403);
			assertThat(refused.body()).as(username).contains("urn:fundguard:problem:");
		}
	}

	private HttpResponse<String> withToken(String username) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/v3/api-docs")))
			.header("Authorization", "Bearer " + KeycloakTokens.accessToken(username)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private List<String> roles(String path, String method) {
		List<String> roles = new ArrayList<>();
		description.path("paths").path(path).path(method).path(ApiDescription.ROLES_EXTENSION).forEach(r -> roles.add(r.asText()));
		return roles;
	}

	/** A request from inside the signed-in page, with its session: status and body. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> fetch(Browser browser, String path) {
		return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { redirect: 'manual' })
				  .then(r => r.text().then(body => done({ status: r.status, body: body })))
				  .catch(e => done({ status: -1, body: String(e) }));""", path);
	}

	private static boolean answersPrograms(RequestMappingInfo info, HandlerMethod handler) {
		return info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.APPLICATION_JSON)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getMethod(), ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
	}

	private static List<String> paths(RequestMappingInfo info) {
		return info.getPatternValues().stream()
			.filter(p -> DESCRIBED_PREFIXES.stream().anyMatch(p::startsWith))
			// a path variable's pattern ({id:\d+}) is not part of its name in OpenAPI
			.map(p -> p.replaceAll("\\{([^}:]+):[^}]*}", "{$1}"))
			.toList();
	}

	private static List<String> methods(RequestMappingInfo info) {
		var methods = info.getMethodsCondition().getMethods();
		if (methods.isEmpty()) {
			return List.of("get");
		}
		return methods.stream().map(m -> m.name().toLowerCase()).toList();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
