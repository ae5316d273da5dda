package org.fundguard.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads the realm roles that the realm's "roles" mapper puts into ID and access tokens. Keycloak adds roles
 * of its own (default-roles-fundguard, offline_access); only the bureau's roles become authorities, so an
 * unexpected Keycloak role never grants anything here.
 */
final class KeycloakRoles {

	static final String ROLES_CLAIM = "roles";

	private KeycloakRoles() {
	}

	static Set<Role> from(Map<String, Object> claims) {
		if (!(claims.get(ROLES_CLAIM) instanceof Collection<?> names)) {
			return Set.of();
		}
		return names.stream()
			.map(String::valueOf)
			.flatMap(name -> Role.ofId(name).stream())
			.collect(Collectors.toUnmodifiableSet());
	}

	static List<GrantedAuthority> authorities(Map<String, Object> claims) {
		return from(claims).stream()
			.sorted()
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
	}
}
