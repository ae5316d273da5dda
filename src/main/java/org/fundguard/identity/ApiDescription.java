package org.fundguard.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.ApplicationModule;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The OpenAPI description (springdoc, {@code /v3/api-docs}, Swagger UI for administrators): who may call each
 * operation is not written beside it but asked of the security filter chains that enforce it, role by role, so that
 * the description cannot say otherwise than the application does. Operations are grouped by the module that serves
 * them, under the module's own name.
 */
@Configuration
@ConditionalOnWebApplication
class ApiDescription {

	static final String SCHEME = "keycloak";
	/** The roles that may call an operation, by id, for programs that read the description. */
	static final String ROLES_EXTENSION = "x-fundguard-roles";
	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
	private static final String APP_PACKAGE = "org.fundguard.";

	@Bean
	OpenAPI fundGuardOpenApi() {
		return new OpenAPI()
			.info(new Info().title("FundGuard 医保基金监管平台 API")
				.version("1")
				.description("""
						医保基金监管平台的程序接口。调用 /api 需要 Keycloak 签发的访问令牌（Authorization: Bearer …），\
						每个操作注明可调用的角色；被拒绝的请求以 RFC 9457 problem details 答复，detail 为中文，detailEn 为英文，\
						key 为消息键。时间为带时区偏移的 ISO 8601（Asia/Shanghai）。

						FundGuard's programming interface. /api needs a Keycloak access token (Authorization: Bearer …); \
						each operation names the roles that may call it, as the application enforces them. Refusals are \
						RFC 9457 problem details: detail in Chinese, detailEn in English, key the message key."""))
			.components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				.description("Keycloak realm fundguard 的访问令牌 / an access token of the Keycloak realm fundguard")));
	}

	/** Each operation under its module's name (审计案件 Audit cases, …) instead of its controller class's. */
	@Bean
	GlobalOperationCustomizer tagsByModule() {
		return (operation, handler) -> {
			moduleName(handler.getBeanType()).ifPresent(name -> operation.setTags(new ArrayList<>(List.of(name))));
			return operation;
		};
	}

	@Bean
	GlobalOpenApiCustomizer rolesFromSecurityRules(ObjectProvider<WebInvocationPrivilegeEvaluator> evaluator) {
		return openApi -> {
			if (openApi.getPaths() == null) {
				return;
			}
			WebInvocationPrivilegeEvaluator rules = evaluator.getObject();
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> describeAccess(rules, path, method, operation)));
			sortTags(openApi);
		};
	}

	static void describeAccess(WebInvocationPrivilegeEvaluator rules, String path, PathItem.HttpMethod method,
			Operation operation) {
		String concrete = PATH_VARIABLE.matcher(path).replaceAll("1");
		String access;
		if (rules.isAllowed("", concrete, method.name(), anonymous())) {
			operation.setSecurity(List.of());
			operation.addExtension(ROLES_EXTENSION, List.of());
			access = "公开，无需登录 / public, no sign-in";
		}
		else {
			List<Role> roles = Arrays.stream(Role.values())
				.filter(role -> rules.isAllowed("", concrete, method.name(), holding(role)))
				.toList();
			operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME)));
			operation.addExtension(ROLES_EXTENSION, roles.stream().map(Role::id).toList());
			access = roles.isEmpty() ? "无角色可调用 / no role may call it"
					: String.join("、", roles.stream().map(r -> r.label() + " (" + r.id() + ")").toList());
		}
		String line = "**角色 / roles**: " + access;
		operation.setDescription(operation.getDescription() == null ? line : operation.getDescription() + "\n\n" + line);
	}

	private static Authentication anonymous() {
		return new AnonymousAuthenticationToken("openapi", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
	}

	private static Authentication holding(Role role) {
		return UsernamePasswordAuthenticationToken.authenticated("openapi-" + role.id(), null,
				AuthorityUtils.createAuthorityList(role.authority()));
	}

	/** The display name of the module a class belongs to, from its package-info's {@link ApplicationModule}. */
	static Optional<String> moduleName(Class<?> type) {
		String name = type.getPackageName();
		if (!name.startsWith(APP_PACKAGE)) {
			return Optional.empty();
		}
		String module = APP_PACKAGE + name.substring(APP_PACKAGE.length()).split("\\.")[0];
		try {
			Class<?> info = Class.forName(module + ".package-info", false, type.getClassLoader());
			return Optional.ofNullable(info.getAnnotation(ApplicationModule.class))
				.map(ApplicationModule::displayName)
				.filter(s -> !s.isBlank());
		}
		catch (ClassNotFoundException e) {
			return Optional.empty();
		}
	}

	/** The tags in the order of their names, so that Swagger UI lists the modules in the same order every time. */
	private static void sortTags(OpenAPI openApi) {
		Map<String, Tag> tags = new TreeMap<>();
		if (openApi.getTags() != null) {
			openApi.getTags().forEach(t -> tags.put(t.getName(), t));
		}
		openApi.getPaths().values().stream()
			.flatMap(item -> item.readOperations().stream())
			.filter(op -> op.getTags() != null)
			.flatMap(op -> op.getTags().stream())
			.forEach(name -> tags.computeIfAbsent(name, n -> new Tag().name(n)));
		openApi.setTags(new ArrayList<>(new LinkedHashMap<>(tags).values()));
	}
}
