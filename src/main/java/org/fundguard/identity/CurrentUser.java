package org.fundguard.identity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is acting, whether signed in through the browser or calling the API with a bearer token.
 *
 * @param username the Keycloak username, also the Camunda user id
 * @param displayName the name as the bureau writes it: family name first, no space between Chinese names
 */
public record CurrentUser(String username, String displayName, Set<Role> roles) {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Camunda Tasklist: everyone who works tasks, and the administrators. */
	public boolean mayUseTasklist() {
		return EndpointAccess.mayUseTasklist(this);
	}

	/** Camunda Cockpit shows every process instance, so only directors and administrators get it. */
	public boolean mayUseCockpit() {
		return EndpointAccess.mayUseCockpit(this);
	}

	public boolean mayReadRules() {
		return EndpointAccess.mayReadRules(this);
	}

	public boolean mayLoadClaims() {
		return EndpointAccess.mayLoadClaims(this);
	}

	/** Whistleblower reports (举报受理): list, details, real-name identities, messages with reporters. */
	public boolean mayHandleReports() {
		return EndpointAccess.mayHandleReports(this);
	}

	public boolean mayUseCamundaAdmin() {
		return has(Role.ADMIN);
	}

	public Set<String> groupIds() {
		return roles.stream().map(Role::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	public static CurrentUser from(Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			Role.ofAuthority(authority.getAuthority()).ifPresent(roles::add);
		}
		Map<String, Object> claims = switch (authentication.getPrincipal()) {
			case OidcUser oidc -> oidc.getClaims();
			default -> authentication instanceof JwtAuthenticationToken jwt ? jwt.getTokenAttributes() : Map.of();
		};
		return new CurrentUser(authentication.getName(), displayName(claims, authentication.getName()),
				Set.copyOf(roles));
	}

	static String displayName(Map<String, Object> claims, String fallback) {
		String family = text(claims.get("family_name"));
		String given = text(claims.get("given_name"));
		if (family.isEmpty() && given.isEmpty()) {
			String name = text(claims.get("name"));
			return name.isEmpty() ? fallback : name;
		}
		boolean chinese = (family + given).codePoints().anyMatch(CurrentUser::isHan);
		return chinese ? family + given : (given + " " + family).trim();
	}

	private static boolean isHan(int codePoint) {
		return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString().trim();
	}
}
