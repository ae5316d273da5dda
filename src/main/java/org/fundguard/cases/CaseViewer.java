package org.fundguard.cases;

import java.util.List;
import java.util.Set;

import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.record.Actor;
import org.springframework.security.core.Authentication;

/**
 * Who looks at or works on cases, as the token tells: the bureau roles, the regions an inspector works (Keycloak user
 * attribute {@code region}, one or more region codes; a code ending in 00 covers its whole prefecture or province) and
 * which pool inspector the account is (Keycloak user attribute {@code inspector_id}).
 */
public record CaseViewer(String username, String displayName, Set<Role> roles, List<String> regions, String inspectorId) {

	public static final String REGION_CLAIM = "region";
	public static final String INSPECTOR_ID_CLAIM = "inspector_id";

	public CaseViewer {
		roles = Set.copyOf(roles);
		regions = List.copyOf(regions);
	}

	public static CaseViewer of(Authentication authentication) {
		CurrentUser user = CurrentUser.from(authentication);
		List<String> inspector = CurrentUser.claimValues(authentication, INSPECTOR_ID_CLAIM);
		return new CaseViewer(user.username(), user.displayName(), user.roles(),
				CurrentUser.claimValues(authentication, REGION_CLAIM), inspector.isEmpty() ? null : inspector.getFirst());
	}

	/** The same person as the task gateway knows users. */
	public CurrentUser user() {
		return new CurrentUser(username, displayName, roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** The region-code prefixes the regions cover: 370303 → 370303, 370300 → 3703, 370000 → 37. */
	public List<String> regionPrefixes() {
		return regions.stream().map(CaseViewer::prefixOf).filter(p -> !p.isEmpty()).distinct().toList();
	}

	static String prefixOf(String region) {
		String r = region.trim();
		while (r.length() > 2 && r.endsWith("00")) {
			r = r.substring(0, r.length() - 2);
		}
		return r;
	}

	/** The actor for the enforcement record: the role under which this user works cases. */
	public Actor actor() {
		Role role = has(Role.DIRECTOR) ? Role.DIRECTOR : has(Role.INSPECTOR) ? Role.INSPECTOR
				: has(Role.LEGAL_REVIEWER) ? Role.LEGAL_REVIEWER : roles.stream().sorted().findFirst().orElse(null);
		return new Actor(username, role == null ? "none" : role.id());
	}
}
