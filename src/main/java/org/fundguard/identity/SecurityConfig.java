package org.fundguard.identity;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two ways in. Browsers sign in through Keycloak (OpenID Connect) and keep a session; programs call
 * {@code /api}, {@code /engine-rest} and the actuator with a Keycloak bearer token and no session.
 * Which role reaches what is decided in {@link EndpointAccess}, in one place.
 */
@Configuration
// commands (fundguard load) run without a web server and so without web security
@ConditionalOnWebApplication
class SecurityConfig {

	static final String REGISTRATION_ID = "keycloak";
	private static final String USERNAME_CLAIM = "preferred_username";

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder jwtDecoder) throws Exception {
		http.securityMatcher(EndpointAccess.bearerPaths())
			.authorizeHttpRequests(EndpointAccess::api)
			.oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(bearerToken()))
				.accessDeniedHandler(new ForbiddenProblem()))
			.exceptionHandling(e -> e.accessDeniedHandler(new ForbiddenProblem()))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// bearer tokens are not sent by browsers on their own, so there is no cross-site request to forge
			.csrf(csrf -> csrf.disable());
		return http.build();
	}

	/**
	 * The whistleblower portal: public pages and forms, no sign-in. Its own chain keeps what those pages need (CSRF
	 * tokens in the session, the security headers, anyone allowed in) and leaves out the sign-in machinery (OAuth2
	 * login and client, logout, saved requests) that every portal request otherwise passed filter by filter.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
		http.securityMatcher(EndpointAccess.portalPaths())
			.authorizeHttpRequests(portal -> portal.anyRequest().permitAll())
			.headers(h -> h.frameOptions(f -> f.sameOrigin()))
			.requestCache(cache -> cache.disable())
			.logout(logout -> logout.disable());
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain browserChain(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
		var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		var logoutSuccess = new OidcClientInitiatedLogoutSuccessHandler(registrations);
		logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/public");

		http.authorizeHttpRequests(EndpointAccess::browser)
			.oauth2Login(login -> login.authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
				.successHandler(new InstitutionLanding()))
			.logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
			// the Camunda webapps carry their own CSRF token (X-XSRF-TOKEN); a second one would break them
			.csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
			.headers(h -> h.frameOptions(f -> f.sameOrigin()))
			.oauth2Client(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	ClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
		String oidc = keycloak.openidConnect();
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientName("Keycloak")
			.clientId(keycloak.clientId())
			.clientSecret(keycloak.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.issuerUri(keycloak.issuer())
			.authorizationUri(oidc + "/auth")
			.tokenUri(oidc + "/token")
			.userInfoUri(oidc + "/userinfo")
			.jwkSetUri(oidc + "/certs")
			.userNameAttributeName(USERNAME_CLAIM)
			.providerConfigurationMetadata(Map.of("end_session_endpoint", oidc + "/logout"))
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	/** Browser sign-in: the bureau's roles come from the ID token's roles claim. */
	@Bean
	GrantedAuthoritiesMapper keycloakRolesFromIdToken() {
		return authorities -> authorities.stream()
			.filter(OidcUserAuthority.class::isInstance)
			.map(OidcUserAuthority.class::cast)
			.flatMap(oidc -> KeycloakRoles.authorities(oidc.getIdToken().getClaims()).stream())
			.distinct()
			.toList();
	}

	@Bean
	JwtDecoder jwtDecoder(KeycloakProperties keycloak) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.openidConnect() + "/certs").build();
		OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				aud -> aud != null && aud.contains(keycloak.audience()));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				JwtValidators.createDefaultWithIssuer(keycloak.issuer()), audience));
		return decoder;
	}

	private static Converter<Jwt, AbstractAuthenticationToken> bearerToken() {
		return jwt -> new JwtAuthenticationToken(jwt, KeycloakRoles.authorities(jwt.getClaims()),
				jwt.getClaimAsString(USERNAME_CLAIM));
	}
}
