package org.fundguard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;

/** How an operation's roles are read from the security rules, and its module's name from the module. */
class ApiDescriptionTest {

	/** Rules that let the analyst and the admin post to /api/loads/1 and anyone read /public/x. */
	private static final WebInvocationPrivilegeEvaluator RULES = new WebInvocationPrivilegeEvaluator() {

		@Override
		public boolean isAllowed(String uri, Authentication authentication) {
			return isAllowed("", uri, "GET", authentication);
		}

		@Override
		public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
			if (uri.startsWith("/public/")) {
				return true;
			}
			Set<String> roles = Set.copyOf(authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList());
			return uri.equals("/api/loads/1") && method.equals("POST")
					&& (roles.contains("ROLE_analyst") || roles.contains("ROLE_admin"));
		}
	};

	@Test
	void theRolesAreThoseTheRulesLetThroughWithTheirChineseNames() {
		Operation operation = new Operation().description("加载");

		ApiDescription.describeAccess(RULES, "/api/loads/{id}", PathItem.HttpMethod.POST, operation);

		assertThat(operation.getExtensions().get(ApiDescription.ROLES_EXTENSION)).isEqualTo(List.of("analyst", "admin"));
		assertThat(operation.getDescription()).isEqualTo("加载\n\n**角色 / roles**: 数据分析员 (analyst)、系统管理员 (admin)");
		assertThat(operation.getSecurity()).singleElement().satisfies(s -> assertThat(s).containsKey(ApiDescription.SCHEME));
	}

	@Test
	void aPublicOperationNeedsNoToken() {
		Operation operation = new Operation();

		ApiDescription.describeAccess(RULES, "/public/{id}", PathItem.HttpMethod.GET, operation);

		assertThat(operation.getSecurity()).isEmpty();
		assertThat(operation.getDescription()).contains("公开，无需登录");
	}

	@Test
	void anOperationNoRoleMayCallSaysSo() {
		Operation operation = new Operation();

		ApiDescription.describeAccess(RULES, "/api/loads/{id}", PathItem.HttpMethod.DELETE, operation);

		assertThat(operation.getExtensions().get(ApiDescription.ROLES_EXTENSION)).isEqualTo(List.of());
		assertThat(operation.getDescription()).contains("无角色可调用");
	}

	@Test
	void aControllerIsTaggedWithItsModulesName() throws ClassNotFoundException {
		assertThat(ApiDescription.moduleName(Class.forName("org.fundguard.cases.CasesApi"))).contains("稽核案件 Audit cases");
		assertThat(ApiDescription.moduleName(Class.forName("org.fundguard.claims.web.LoadsApi"))).contains("医保数据 Claims");
		assertThat(ApiDescription.moduleName(String.class)).isEmpty();
	}
}
