package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class CurrentUserTest {

	@Test
	void chineseNamesAreWrittenFamilyNameFirstWithoutSpace() {
		assertThat(CurrentUser.displayName(Map.of("family_name", "张", "given_name", "伟", "name", "伟 张"), "u"))
			.isEqualTo("张伟");
	}

	@Test
	void westernNamesKeepGivenNameFirst() {
		assertThat(CurrentUser.displayName(Map.of("family_name", "Smith", "given_name", "Anna"), "u"))
			.isEqualTo("Anna Smith");
	}

	@Test
	void withoutNamesTheUsernameIsShown() {
		assertThat(CurrentUser.displayName(Map.of(), "inspector1")).isEqualTo("inspector1");
	}

	@Test
	void camundaWebappsFollowTheRoles() {
		var inspector = new CurrentUser("i", "i", Set.of(Role.INSPECTOR));
		var director = new CurrentUser("d", "d", Set.of(Role.DIRECTOR));
		var analyst = new CurrentUser("a", "a", Set.of(Role.ANALYST));
		var admin = new CurrentUser("x", "x", Set.of(Role.ADMIN));

		assertThat(inspector.mayUseTasklist()).isTrue();
		assertThat(inspector.mayUseCockpit()).isFalse();
		assertThat(director.mayUseCockpit()).isTrue();
		assertThat(analyst.mayUseTasklist()).isFalse();
		assertThat(admin.mayUseCamundaAdmin()).isTrue();
		assertThat(director.mayUseCamundaAdmin()).isFalse();
	}

	private static JwtAuthenticationToken token(String username, Map<String, Object> claims, Role... roles) {
		Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "none").claim("preferred_username", username);
		claims.forEach(jwt::claim);
		var authorities = java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		return new JwtAuthenticationToken(jwt.build(), authorities, username);
	}

	@Test
	void anInstitutionUsersTokenBindsItToItsProviderCodeAndGroup() {
		CurrentUser user = CurrentUser.from(token("institution1",
				Map.of("provider_code", "H37030200002", "family_name", "马", "given_name", "晓燕"), Role.INSTITUTION));

		assertThat(user.providerCode()).isEqualTo("H37030200002");
		assertThat(user.displayName()).isEqualTo("马晓燕");
		assertThat(user.actsFor("H37030200002")).isTrue();
		assertThat(user.actsFor("H37032200005")).isFalse();
		// its own institution's group only: a group "institution" would offer every institution's tasks to all
		assertThat(user.groupIds()).containsExactly("institution-H37030200002");
	}

	@Test
	void anInstitutionSystemIsNamedByItsCodeNotByKeycloaksServiceAccount() {
		CurrentUser system = CurrentUser.from(token("service-account-fundguard-inst-1",
				Map.of("provider_code", "H37030200002"), Role.INSTITUTION));

		assertThat(system.username()).isEqualTo("service-account-fundguard-inst-1");
		assertThat(system.displayName()).isEqualTo("机构系统 H37030200002");
		assertThat(system.actsFor("H37030200002")).isTrue();
	}

	@Test
	void anInstitutionTokenWithoutProviderCodeActsForNobodyAndIsInNoGroup() {
		CurrentUser nobody = CurrentUser.from(token("stray", Map.of(), Role.INSTITUTION));

		assertThat(nobody.institution()).isTrue();
		assertThat(nobody.providerCode()).isNull();
		assertThat(nobody.actsFor(null)).isFalse();
		assertThat(nobody.actsFor("H37030200002")).isFalse();
		assertThat(nobody.groupIds()).isEmpty();
	}

	@Test
	void aBureauUserCarriesNoProviderCodeEvenIfTheClaimIsThere() {
		CurrentUser inspector = CurrentUser.from(token("inspector1", Map.of("provider_code", "H37030200002"),
				Role.INSPECTOR));

		assertThat(inspector.providerCode()).isNull();
		assertThat(inspector.actsFor("H37030200002")).isFalse();
		assertThat(inspector.groupIds()).containsExactly("inspector");
	}

	@Test
	void institutionsMayUseTasklistButNoOtherCamundaWebappNorBureauWork() {
		var institution = new CurrentUser("institution1", "马晓燕", Set.of(Role.INSTITUTION), "H37030200002");

		assertThat(institution.mayUseTasklist()).isTrue();
		assertThat(institution.mayUseCockpit()).isFalse();
		assertThat(institution.mayUseCamundaAdmin()).isFalse();
		assertThat(institution.mayWorkCases()).isFalse();
		assertThat(institution.mayReadRules()).isFalse();
		assertThat(institution.mayWorkInspections()).isFalse();
		assertThat(institution.mayHandleReports()).isFalse();
	}
}
