package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.fundguard.support.Browser;
import org.fundguard.support.DemoUsers;
import org.fundguard.support.DemoUsers.DemoUser;
import org.fundguard.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * What a role sees matches what it may do. Each demo user signs in through the real Keycloak in a real browser and
 * walks the workbench with that session as a person would, from link to link: no link leads to a refusal (403), and every form a page shows posts to
 * something the security rules let that user send. The rules are asked through Spring Security's own evaluator, the
 * one that judges the real request; the pages' own conditions are not consulted, so a form added without one fails.
 */
@IntegrationTest
class RoleControlsIT {

	/** Downloads and pages outside the workbench: not followed. Camunda's apps are opened, not crawled. */
	private static final Pattern NOT_FOLLOWED = Pattern
		.compile("^/(logout|public|portal|oauth2|login|css|js|img|error)\\b.*|.*\\.(pdf|csv|json|png|jpg|html)(\\?.*)?$|.*/rejects.*|.*/download.*|.*/documents/.*");
	private static final int MAX_PAGES = 60;

	@LocalServerPort
	int port;

	@Autowired
	WebInvocationPrivilegeEvaluator rules;

	private String session;

	static List<DemoUser> demoUsers() {
		return DemoUsers.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("demoUsers")
	void everyLinkAUserIsShownOpensAndEveryFormPostsWhereTheUserMay(DemoUser user) throws Exception {
		HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		session = signIn(user);
		var authentication = new UsernamePasswordAuthenticationToken(user.username(), null,
				user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());

		List<String> wrong = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		// an institution's user starts at its own home: the workbench refuses it
		Deque<String> toVisit = new ArrayDeque<>(List.of(user.institution() ? "/institution" : "/"));
		int forms = 0;
		while (!toVisit.isEmpty() && seen.size() < MAX_PAGES) {
			String path = toVisit.removeFirst();
			if (!seen.add(path)) {
				continue;
			}
			HttpResponse<String> page = get(browser, path);
			if (page.statusCode() != 200 || page.uri().getPort() != port) {
				wrong.add("link to " + path + " answers " + page.statusCode() + " at " + page.uri());
				continue;
			}
			if (path.startsWith("/camunda/")) {
				continue;
			}
			Document html = Jsoup.parse(page.body(), url(path));
			for (Element form : html.select("form")) {
				if (!"post".equalsIgnoreCase(form.attr("method"))) {
					continue;
				}
				forms++;
				String action = URI.create(form.absUrl("action")).getRawPath();
				if (!"/logout".equals(action) && !rules.isAllowed(null, action, "POST", authentication)) {
					wrong.add(path + " shows a form that posts to " + action + ", which " + user + " may not");
				}
			}
			for (Element link : html.select("a[href]")) {
				URI target = URI.create(link.absUrl("href").replace(" ", "%20"));
				String next = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
				if (target.getPort() == port && "localhost".equals(target.getHost()) && !NOT_FOLLOWED.matcher(next).matches()
						&& !seen.contains(next)) {
					toVisit.addLast(next);
				}
			}
		}
		assertThat(wrong).as("what %s is shown but may not use", user).isEmpty();
		assertThat(seen).as("the walk reached the workbench's pages").hasSizeGreaterThan(1);
		if (user.roles().contains("analyst")) {
			assertThat(forms).as("the walk met the forms of the data loads and rules pages").isPositive();
		}
	}

	/** Signs in with a real browser on Keycloak's page; the walk then goes on with the session it got. */
	private String signIn(DemoUser user) {
		try (Browser browser = new Browser()) {
			browser.open(url("/"));
			browser.signInAtKeycloak(user.username(), DemoUsers.PASSWORD);
			browser.waitFor(By.id("display-name"));
			return "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
		}
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
		return browser.send(HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", session).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
