package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.fundguard.support.DemoUsers;
import org.fundguard.support.IntegrationTest;
import org.fundguard.support.KeycloakTokens;
import org.fundguard.support.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The role matrix (权限矩阵): every endpoint the application maps (Spring MVC's mappings, which must include every
 * operation of the OpenAPI description), called by one user of every role and by nobody, against the real Keycloak,
 * compared with {@code src/test/resources/role-matrix.txt}. A mapping without a row, or a row without a mapping,
 * fails the build. {@code -Dfundguard.matrix.update=true} writes the matrix as observed, for review in the diff.
 * <p>
 * Path variables are filled with {@code 0}: who may reach a path is decided before any row is looked up, and a row
 * that does not exist answers 404, which counts as reached. API calls carry the user's bearer token and, when not a
 * GET, a body that is not JSON, so that no action that takes a body runs. Pages are called in a signed-in session
 * with its CSRF token; a page form that a role may post is not posted again here (it would act, and RoleControlsIT
 * posts the forms a user is shown): for those the matrix is checked only where it says the role is refused.
 */
@IntegrationTest
class RoleMatrixIT {

	static final Path MATRIX = Path.of("src/test/resources/role-matrix.txt");
	static final List<String> PRINCIPALS = List.of("anonymous", "admin", "analyst", "director", "inspector", "institution",
			"legal-reviewer", "report-handler");
	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointAnswersEveryRoleAsTheMatrixSays() throws Exception {
		Set<String> endpoints = mapped();
		assertThat(endpoints).as("every operation of the OpenAPI description is an MVC mapping").containsAll(described());
		boolean update = Boolean.getBoolean("fundguard.matrix.update");
		Map<String, Set<String>> expected = update ? Map.of() : read();
		if (!update) {
			assertThat(expected.keySet()).as("rows of role-matrix.txt without a mapping").isSubsetOf(endpoints);
			assertThat(endpoints).as("mappings without a row in role-matrix.txt (add one)").isSubsetOf(expected.keySet());
		}
		Map<String, Session> sessions = sessions();
		Map<String, Set<String>> observed = new TreeMap<>();
		List<String> wrong = new ArrayList<>();
		int calls = 0;
		for (String endpoint : endpoints) {
			String method = endpoint.substring(0, endpoint.indexOf(' '));
			String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "0");
			boolean api = path.startsWith("/api/");
			Set<String> allowed = new TreeSet<>();
			for (String principal : PRINCIPALS) {
				boolean mayAct = expected.getOrDefault(endpoint, Set.of()).contains(principal);
				if (!update && !api && !method.equals("GET") && mayAct) {
					allowed.add(principal); // not posted again: see the class comment
					continue;
				}
				Outcome outcome = api ? callApi(principal, method, path) : sessions.get(principal).call(method, path);
				calls++;
				if (outcome == Outcome.ERROR) {
					wrong.add(endpoint + " as " + principal + ": server error");
				}
				if (outcome != Outcome.REFUSED) {
					allowed.add(principal);
				}
			}
			observed.put(endpoint, allowed);
			if (!update && !allowed.equals(expected.get(endpoint))) {
				wrong.add(endpoint + ": expected " + expected.get(endpoint) + ", observed " + allowed);
			}
		}
		System.out.println("role matrix: " + endpoints.size() + " endpoints × " + PRINCIPALS.size() + " principals, "
				+ calls + " calls");
		if (update) {
			write(observed);
		}
		assertThat(wrong).isEmpty();
	}

	enum Outcome {
		REACHED, REFUSED, ERROR
	}

	/** {@code METHOD /pattern} of every MVC mapping of the application (not Spring's error page or Swagger UI's own). */
	private Set<String> mapped() {
		Set<String> out = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.fundguard")) {
				return;
			}
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			for (String pattern : info.getPatternValues()) {
				methods.forEach(m -> out.add(m + " " + pattern));
			}
		});
		return out;
	}

	private Set<String> described() throws Exception {
		HttpResponse<String> docs = send(HttpRequest.newBuilder(URI.create(url("/v3/api-docs")))
			.header("Authorization", "Bearer " + KeycloakTokens.accessToken("admin1")).GET());
		assertThat(docs.statusCode()).isEqualTo(200);
		Set<String> out = new TreeSet<>();
		JsonNode paths = new ObjectMapper().readTree(docs.body()).path("paths");
		paths.fieldNames().forEachRemaining(p -> paths.path(p).fieldNames()
			.forEachRemaining(m -> out.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p)));
		return out;
	}

	private Outcome callApi(String principal, String method, String path) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
		if (!principal.equals("anonymous")) {
			request.header("Authorization", "Bearer " + KeycloakTokens.accessToken(user(principal)));
		}
		if (method.equals("GET")) {
			request.GET();
		}
		else {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("x"));
		}
		int status = send(request).statusCode();
		return status == 401 || status == 403 ? Outcome.REFUSED : status >= 500 ? Outcome.ERROR : Outcome.REACHED;
	}

	/** A browser of each principal: signed in through Keycloak's form, with the CSRF token of one of its pages. */
	private Map<String, Session> sessions() {
		Map<String, Session> out = new LinkedHashMap<>();
		for (String principal : PRINCIPALS) {
			WebSession web = principal.equals("anonymous") ? WebSession.anonymous(url(""))
					: WebSession.signIn(url(""), user(principal), DemoUsers.PASSWORD);
			String home = principal.equals("anonymous") ? "/portal/report" : principal.equals("institution") ? "/institution" : "/";
			out.put(principal, new Session(web, home, url("")));
		}
		return out;
	}

	/** A principal's browser; a form's CSRF token is read afresh from its home page, since a post may renew the session. */
	record Session(WebSession web, String home, String base) {

		Outcome call(String method, String path) {
			String csrf = null;
			if (!method.equals("GET")) {
				Element token = Jsoup.parse(web.get(home).body()).selectFirst("input[name=_csrf]");
				csrf = token == null ? null : token.attr("value");
			}
			HttpResponse<String> r = web.call(method, path, csrf);
			if (!r.uri().toString().startsWith(base)) {
				return Outcome.REFUSED; // sent to sign in
			}
			return r.statusCode() == 401 || r.statusCode() == 403 ? Outcome.REFUSED
					: r.statusCode() >= 500 ? Outcome.ERROR : Outcome.REACHED;
		}
	}

	private static String user(String role) {
		return DemoUsers.withRole(role).username();
	}

	private static Map<String, Set<String>> read() throws IOException {
		Map<String, Set<String>> out = new TreeMap<>();
		for (String line : Files.readAllLines(MATRIX, StandardCharsets.UTF_8)) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int colon = line.lastIndexOf(" : ");
			String who = line.substring(colon + 3).strip();
			out.put(line.substring(0, colon).strip(), who.equals("-") ? Set.of() : new TreeSet<>(List.of(who.split(" "))));
		}
		return out;
	}

	private static void write(Map<String, Set<String>> observed) throws IOException {
		StringBuilder s = new StringBuilder("""
				# 权限矩阵 / the role matrix: every endpoint, and who may reach it (RoleMatrixIT checks it against the running
				# application and the real Keycloak). "-" = nobody; anonymous = without signing in. Regenerate with
				# mvn verify -Dit.test=RoleMatrixIT -Dfundguard.matrix.update=true, then review the diff.
				""");
		observed.forEach((endpoint, who) -> s.append(endpoint).append(" : ").append(who.isEmpty() ? "-" : String.join(" ", who))
			.append('\n'));
		Files.writeString(MATRIX, s.toString(), StandardCharsets.UTF_8);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
