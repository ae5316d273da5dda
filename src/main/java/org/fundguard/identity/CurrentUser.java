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
 * @param providerCode the institution an {@link Role#INSTITUTION} user acts for (the {@code provider_code} claim); null
 *     for the bureau's staff
 */
public record CurrentUser(String username, String displayName, Set<Role> roles, String providerCode) {

	/** The claim that binds an institution's user or client to its provider code. */
	public static final String PROVIDER_CODE_CLAIM = "provider_code";

	public CurrentUser(String username, String displayName, Set<Role> roles) {
		this(username, displayName, roles, null);
	}

	/**
	 * An institution's user or system: holds the institution role and is bound to a provider code. A token with the
	 * role and no code is bound to nothing and so sees nothing.
	 */
	public boolean institution() {
		return has(Role.INSTITUTION);
	}

	/** Whether this user may see that provider's institution data: only its own institution, never another's. */
	public boolean actsFor(String code) {
		return institution() && providerCode != null && providerCode.equals(code);
	}

	/**
	 * Where this user's pages start: the institution home for an institution, the workbench for the bureau's staff
	 * (the header's brand and the error pages link there, so an institution is never sent to a page that refuses it).
	 */
	public String homePath() {
		return institution() ? "/institution" : "/";
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** Camunda Tasklist: everyone who works tasks (not the administrators, who read no work task). */
	public boolean mayUseTasklist() {
		return EndpointAccess.mayUseTasklist(this);
	}

	/** Camunda Cockpit shows every process instance with its variables, so only directors get it. */
	public boolean mayUseCockpit() {
		return EndpointAccess.mayUseCockpit(this);
	}

	public boolean mayReadRules() {
		return EndpointAccess.mayReadRules(this);
	}

	public boolean mayLoadClaims() {
		return EndpointAccess.mayLoadClaims(this);
	}

	/** Random inspections (双随机一公开): inspectors and directors. */
	public boolean mayWorkInspections() {
		return EndpointAccess.mayWorkInspections(this);
	}

	/** Whistleblower reports (举报受理): list, details, real-name identities, messages with reporters. */
	public boolean mayHandleReports() {
		return EndpointAccess.mayHandleReports(this);
	}

	/** The working calendar (工作日历): administrators keep it. */
	public boolean mayKeepCalendar() {
		return EndpointAccess.mayKeepCalendar(this);
	}

	/** Camunda Admin (users, roles, authorizations, metrics): the administrators. */
	public boolean mayUseCamundaAdmin() {
		return EndpointAccess.mayUseCamundaAdmin(this);
	}

	/**
	 * The Camunda groups, which decide which tasks are offered: one per bureau role; for an institution's user or system
	 * only its own institution's group, never a group {@code institution}, which would offer one institution's tasks to
	 * all of them. An institution token without a provider code is in no group and so is offered nothing.
	 */
	public Set<String> groupIds() {
		Set<String> ids = new java.util.HashSet<>();
		roles.stream().filter(Role::bureau).forEach(r -> ids.add(r.id()));
		if (institution() && providerCode != null) {
			ids.add(Role.institutionGroup(providerCode));
		}
		return Set.copyOf(ids);
	}

	/** Directors decide filing and outcomes of audit cases and open cases from monitoring leads. */
	public boolean mayDirectCases() {
		return EndpointAccess.mayDirectCases(this);
	}

	/** Inspectors, legal reviewers and directors work audit cases (which cases, the cases module decides). */
	public boolean mayWorkCases() {
		return EndpointAccess.mayWorkCases(this);
	}

	/**
	 * The values of a user-attribute claim of the ID token (browser) or access token (API), e.g. {@code region}:
	 * empty when the claim is absent; a single value or a list.
	 */
	public static java.util.List<String> claimValues(Authentication authentication, String claim) {
		Object value = claims(authentication).get(claim);
		if (value instanceof java.util.Collection<?> many) {
			return many.stream().map(String::valueOf).map(String::trim).filter(v -> !v.isEmpty()).toList();
		}
		return value == null || value.toString().isBlank() ? java.util.List.of() : java.util.List.of(value.toString().trim());
	}

	private static Map<String, Object> claims(Authentication authentication) {
		return switch (authentication.getPrincipal()) {
			case OidcUser oidc -> oidc.getClaims();
			default -> authentication instanceof JwtAuthenticationToken jwt ? jwt.getTokenAttributes() : Map.of();
		};
	}

	public static CurrentUser from(Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			Role.ofAuthority(authority.getAuthority()).ifPresent(roles::add);
		}
		Map<String, Object> claims = claims(authentication);
		String providerCode = roles.contains(Role.INSTITUTION)
				? claimValues(authentication, PROVIDER_CODE_CLAIM).stream().findFirst().orElse(null) : null;
		String fallback = providerCode != null ? SYSTEM_NAME_PREFIX + providerCode : authentication.getName();
		return new CurrentUser(authentication.getName(), displayName(claims, fallback), Set.copyOf(roles),
				providerCode);
	}

	/**
	 * How an institution's system (a client-credentials token, which has no person's name) is named in records and
	 * pages: its provider code, not Keycloak's technical {@code service-account-fundguard-inst-1}.
	 */
	static final String SYSTEM_NAME_PREFIX = "机构系统 ";

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
