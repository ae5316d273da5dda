package org.fundguard.identity;

import java.util.Arrays;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which role may reach which path: the whole access policy in one table, so that a reviewer reads it once
 * and the role-access integration test can hold it to account. Anything not listed is denied to the API
 * and needs a bureau role in the browser. Public pages need no sign-in.
 */
final class EndpointAccess {

	/** Paths that take bearer tokens instead of a browser session. */
	static final String[] BEARER_PATHS = { "/api/**", "/engine-rest/**", "/actuator/**" };

	/** The whistleblower portal and published material: open to anyone, no account. */
	static final String[] PUBLIC_PATHS = { "/public", "/public/**", "/portal", "/portal/**", "/css/**", "/js/**",
			"/img/**", "/favicon.ico", "/error" };

	private static final String[] TASK_WORKERS = ids(Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.DIRECTOR);
	private static final String[] CAMUNDA_TASKLIST = ids(Role.INSPECTOR, Role.LEGAL_REVIEWER, Role.DIRECTOR,
			Role.ADMIN);
	private static final String[] CAMUNDA_COCKPIT = ids(Role.DIRECTOR, Role.ADMIN);
	private static final String[] ANY_ROLE = ids(Role.values());

	private EndpointAccess() {
	}

	static void api(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry api) {
		api.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").hasRole(Role.ADMIN.id())
			.requestMatchers("/engine-rest/**").hasRole(Role.ADMIN.id())
			.requestMatchers(HttpMethod.GET, "/api/me").hasAnyRole(ANY_ROLE)
			.requestMatchers(HttpMethod.GET, "/api/tasks/mine").hasAnyRole(TASK_WORKERS)
			.anyRequest().denyAll();
	}

	static void browser(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry web) {
		web.requestMatchers(PUBLIC_PATHS).permitAll()
			// Camunda's first-user setup must never run: identities come from Keycloak only
			.requestMatchers("/camunda/api/admin/setup/**").denyAll()
			.requestMatchers("/camunda/app/admin/**").hasRole(Role.ADMIN.id())
			.requestMatchers("/camunda/app/cockpit/**").hasAnyRole(CAMUNDA_COCKPIT)
			.requestMatchers("/camunda/**").hasAnyRole(CAMUNDA_TASKLIST)
			.anyRequest().hasAnyRole(ANY_ROLE);
	}

	static boolean mayUseTasklist(CurrentUser user) {
		return Arrays.stream(CAMUNDA_TASKLIST).anyMatch(id -> user.groupIds().contains(id));
	}

	static boolean mayUseCockpit(CurrentUser user) {
		return Arrays.stream(CAMUNDA_COCKPIT).anyMatch(id -> user.groupIds().contains(id));
	}

	private static String[] ids(Role... roles) {
		return Arrays.stream(roles).map(Role::id).toArray(String[]::new);
	}
}
