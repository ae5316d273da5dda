package org.fundguard.identity;

import java.util.Arrays;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which role may reach which path: the whole access policy in one table, so that a reviewer reads it once
 * and the role-access integration test can hold it to account. Anything not listed is denied to the API
 * and needs a bureau role in the browser. Public pages need no sign-in.
 */
final class EndpointAccess {

	/**
	 * Paths that take bearer tokens instead of a browser session. Path-pattern matchers, not MVC ones:
	 * {@code /engine-rest} is served by Camunda's Jersey servlet, which Spring MVC's matchers do not see.
	 */
	static RequestMatcher bearerPaths() {
		return new OrRequestMatcher(path("/api/**"), path("/engine-rest/**"), path("/actuator/**"));
	}

	/** The whistleblower portal and published material: open to anyone, no account. */
	static final String[] PUBLIC_PATHS = { "/public", "/public/**", "/portal", "/portal/**", "/css/**", "/js/**",
			"/img/**", "/favicon.ico", "/error" };

	private static final String[] TASK_WORKERS = ids(Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.DIRECTOR,
			Role.REPORT_HANDLER);
	private static final String[] CAMUNDA_TASKLIST = ids(Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.DIRECTOR,
			Role.ADMIN, Role.REPORT_HANDLER);
	private static final String[] CAMUNDA_COCKPIT = ids(Role.DIRECTOR, Role.ADMIN);
	private static final String[] ANY_ROLE = ids(Role.values());
	/** Who loads claims exports: the analysts, and administrators who operate the system. */
	private static final String[] DATA_STEWARDS = ids(Role.ANALYST, Role.ADMIN);
	/** Directors read the monitoring results; analysts and administrators also change and run the rules. */
	private static final String[] RULE_READERS = ids(Role.ANALYST, Role.ADMIN, Role.DIRECTOR);
	/**
	 * Whistleblower reports, with real-name reporters' identities: the report handlers alone, not even
	 * administrators or directors (举报人信息仅限受理人员知悉).
	 */
	private static final String[] REPORT_HANDLERS = ids(Role.REPORT_HANDLER);

	private EndpointAccess() {
	}

	static void api(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
		api.requestMatchers(path("/actuator/health"), path("/actuator/health/**")).permitAll()
			.requestMatchers(path("/actuator/**")).hasRole(Role.ADMIN.id())
			.requestMatchers(path("/engine-rest/**")).hasRole(Role.ADMIN.id())
			.requestMatchers(get("/api/me")).hasAnyRole(ANY_ROLE)
			.requestMatchers(get("/api/tasks/mine")).hasAnyRole(TASK_WORKERS)
			.requestMatchers(path("/api/loads"), path("/api/loads/**")).hasAnyRole(DATA_STEWARDS)
			.requestMatchers(get("/api/rules"), get("/api/rules/**")).hasAnyRole(RULE_READERS)
			.requestMatchers(path("/api/rules"), path("/api/rules/**")).hasAnyRole(DATA_STEWARDS)
			.requestMatchers(path("/api/reports"), path("/api/reports/**")).hasAnyRole(REPORT_HANDLERS)
			.anyRequest().denyAll();
	}

	static void browser(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry web) {
		web.requestMatchers(Arrays.stream(PUBLIC_PATHS).map(EndpointAccess::path).toArray(RequestMatcher[]::new))
			.permitAll()
			// Camunda's first-user setup must never run: identities come from Keycloak only
			.requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
			.requestMatchers(path("/camunda/app/admin/**")).hasRole(Role.ADMIN.id())
			.requestMatchers(path("/camunda/app/cockpit/**")).hasAnyRole(CAMUNDA_COCKPIT)
			.requestMatchers(path("/camunda/**")).hasAnyRole(CAMUNDA_TASKLIST)
			.requestMatchers(path("/loads"), path("/loads/**")).hasAnyRole(DATA_STEWARDS)
			.requestMatchers(get("/rules"), get("/rules/**")).hasAnyRole(RULE_READERS)
			.requestMatchers(path("/rules"), path("/rules/**")).hasAnyRole(DATA_STEWARDS)
			.requestMatchers(path("/reports"), path("/reports/**")).hasAnyRole(REPORT_HANDLERS)
			.anyRequest().hasAnyRole(ANY_ROLE);
	}

	static boolean mayUseTasklist(CurrentUser user) {
		return Arrays.stream(CAMUNDA_TASKLIST).anyMatch(id -> user.groupIds().contains(id));
	}

	static boolean mayReadRules(CurrentUser user) {
		return Arrays.stream(RULE_READERS).anyMatch(id -> user.groupIds().contains(id));
	}

	static boolean mayLoadClaims(CurrentUser user) {
		return Arrays.stream(DATA_STEWARDS).anyMatch(id -> user.groupIds().contains(id));
	}

	static boolean mayHandleReports(CurrentUser user) {
		return Arrays.stream(REPORT_HANDLERS).anyMatch(id -> user.groupIds().contains(id));
	}

	static boolean mayUseCockpit(CurrentUser user) {
		return Arrays.stream(CAMUNDA_COCKPIT).anyMatch(id -> user.groupIds().contains(id));
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static RequestMatcher get(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, pattern);
	}

	private static String[] ids(Role... roles) {
		return Arrays.stream(roles).map(Role::id).toArray(String[]::new);
	}
}
