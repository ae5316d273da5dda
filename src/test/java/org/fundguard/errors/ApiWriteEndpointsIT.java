package org.fundguard.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.DemoUsers.DemoUser;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write endpoint of the API, found in Spring's own mapping table (so a new one is covered without being listed
 * here), gets the bodies a careless or hostile client sends: empty, malformed, the wrong shape, the wrong content type
 * and too large, from every demo user. The answer is never a 5xx, and every error is an RFC 9457 problem with the
 * Chinese message and the English beside it.
 */
@IntegrationTest
class ApiWriteEndpointsIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** A body as it is sent: content type and text. */
	record Body(String name, String contentType, String text) {
		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Body> bodies() {
		return Stream.of(new Body("empty object", "application/json", "{}"),
				new Body("no body", "application/json", ""),
				new Body("malformed JSON", "application/json", "{\"folder\": "),
				new Body("an array", "application/json", "[1, 2]"),
				new Body("wrong field types", "application/json",
						"{\"folder\":{},\"rule\":[],\"expires\":\"not a date\",\"active\":\"maybe\",\"values\":7,\"body\":{}}"),
				new Body("plain text", "text/plain", "hello"),
				new Body("1.5 MB", "application/json", "{\"folder\":\"" + "x".repeat(1536 * 1024) + "\"}"));
	}

	/** Each write endpoint under /api with its path variables filled in, as method and path. */
	List<String[]> writeEndpoints() {
		List<String[]> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					if (WRITES.contains(method.name())) {
						endpoints.add(new String[] { method.name(), pattern.replaceAll("\\{[^}]+}", "1") });
					}
				}
			}
		}
		return endpoints;
	}

	@Test
	void theMappingTableHasTheWriteEndpointsThisTestIsAbout() {
		Set<String> found = new TreeSet<>();
		writeEndpoints().forEach(e -> found.add(e[0] + " " + e[1]));

		assertThat(found).contains("POST /api/loads", "POST /api/rules/exemptions", "PUT /api/rules/1/parameters",
				"POST /api/tasks/1/complete", "PUT /api/inspections/pool/1", "DELETE /api/rules/exemptions/1");
	}

	static Stream<Arguments> everyUserAndBody() {
		return DemoUsers.all().stream().flatMap(user -> bodies().map(body -> Arguments.of(user, body)));
	}

	@ParameterizedTest(name = "{0}, {1}")
	@MethodSource("everyUserAndBody")
	void noWriteEndpointAnswersABadBodyWithAServerErrorOrWithoutAProblem(DemoUser user, Body body) throws Exception {
		String token = KeycloakTokens.accessToken(user.username());
		List<String> wrong = new ArrayList<>();
		for (String[] endpoint : writeEndpoints()) {
			HttpResponse<String> response = send(endpoint[0], endpoint[1], token, body);
			String what = endpoint[0] + " " + endpoint[1] + " → " + response.statusCode() + " " + abbreviated(response.body());
			int status = response.statusCode();
			if (status >= 500) {
				wrong.add("server error: " + what);
			}
			else if (status >= 400) {
				if (!List.of(400, 403, 404, 409).contains(status)) {
					wrong.add("not 400/403/404/409: " + what);
				}
				else if (!isProblem(response)) {
					wrong.add("no problem body: " + what);
				}
			}
		}
		assertThat(wrong).as("answers to %s from %s", body, user).isEmpty();
	}

	@Test
	void anEndpointTheUserMayCallSaysWhichFieldsAreMissing() throws Exception {
		var response = send("POST", "/api/rules/exemptions", KeycloakTokens.accessToken("analyst1"),
				new Body("empty object", "application/json", "{}"));

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("key").asText()).isEqualTo("errors.request.fields-invalid");
		assertThat(problem.path("detail").asText()).contains("缺少必填字段“rule”", "“subject”", "“reason”", "“expires”");
		assertThat(problem.path("detailEn").asText()).contains("The field \"rule\" is required");
		assertThat(problem.path("fields").size()).isEqualTo(4);
	}

	@Test
	void aLoadWithoutAFolderIsABadRequestNamingTheField() throws Exception {
		var response = send("POST", "/api/loads", KeycloakTokens.accessToken("analyst1"),
				new Body("empty object", "application/json", "{}"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("“folder”");
	}

	@Test
	void aBodyAboveTheLimitIsRefusedBeforeItIsRead() throws Exception {
		var response = send("POST", "/api/loads", KeycloakTokens.accessToken("analyst1"), bodies()
			.filter(b -> b.name().equals("1.5 MB")).findFirst().orElseThrow());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(response.body()).path("key").asText()).isEqualTo("errors.request.too-large");
	}

	@Test
	void everyEndpointIsReachedByAtLeastOneDemoUser() throws Exception {
		// otherwise the test above would see only 403s and prove nothing about the endpoint itself
		Body empty = new Body("empty object", "application/json", "{}");
		for (String[] endpoint : writeEndpoints()) {
			boolean reached = false;
			for (DemoUser user : DemoUsers.all()) {
				if (send(endpoint[0], endpoint[1], KeycloakTokens.accessToken(user.username()), empty).statusCode() != 403) {
					reached = true;
					break;
				}
			}
			assertThat(reached).as(endpoint[0] + " " + endpoint[1]).isTrue();
		}
	}

	private HttpResponse<String> send(String method, String path, String token, Body body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", body.contentType())
			.method(method, body.text().isEmpty() ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body.text()));
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static boolean isProblem(HttpResponse<String> response) {
		if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
			return false;
		}
		try {
			JsonNode problem = JSON.readTree(response.body());
			return problem.path("detail").asText().codePoints().anyMatch(
					c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
					&& !problem.path("detailEn").asText().isBlank();
		}
		catch (IOException e) {
			return false;
		}
	}

	private static String abbreviated(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}
}
