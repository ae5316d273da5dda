package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

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
}
