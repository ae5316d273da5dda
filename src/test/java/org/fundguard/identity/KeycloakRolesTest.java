package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class KeycloakRolesTest {

	@Test
	void bureauRolesInTheRolesClaimBecomeAuthorities() {
		var claims = Map.<String, Object>of("roles", List.of("inspector", "legal-reviewer"));

		assertThat(KeycloakRoles.authorities(claims)).map(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_inspector", "ROLE_legal-reviewer");
	}

	@Test
	void keycloaksOwnRolesGrantNothing() {
		var claims = Map.<String, Object>of("roles",
				List.of("default-roles-fundguard", "offline_access", "uma_authorization", "ROLE_admin"));

		assertThat(KeycloakRoles.authorities(claims)).isEmpty();
	}

	@Test
	void aTokenWithoutRolesClaimHasNoRoles() {
		assertThat(KeycloakRoles.from(Map.of("sub", "x"))).isEmpty();
		assertThat(KeycloakRoles.from(Map.of("roles", "director"))).as("a single string is not a role list").isEmpty();
	}

	@Test
	void roleIdsAreTheCamundaGroupIdsAndAuthoritiesAreSpringRoles() {
		assertThat(Role.LEGAL_REVIEWER.id()).isEqualTo("legal-reviewer");
		assertThat(Role.ofAuthority("ROLE_director")).contains(Role.DIRECTOR);
		assertThat(Role.ofAuthority("director")).isEmpty();
		assertThat(Role.ofId("superuser")).isEmpty();
	}
}
