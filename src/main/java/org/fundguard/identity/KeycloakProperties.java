package org.fundguard.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the bureau's Keycloak is and how FundGuard is registered in it. The endpoints are derived from the
 * base URL instead of discovered at start-up, so that FundGuard starts (and reports Keycloak as down in its
 * health) while Keycloak is unreachable.
 *
 * @param url Keycloak's base URL as browsers reach it, e.g. {@code http://localhost:8180}
 * @param realm the realm, {@code fundguard}
 * @param clientId the confidential client used for browser sign-in
 * @param clientSecret its secret; the repository holds only the local demo realm's
 * @param audience the audience a bearer token must carry to reach the REST API
 */
@ConfigurationProperties("fundguard.keycloak")
public record KeycloakProperties(String url, String realm, String clientId, String clientSecret, String audience) {

	public String issuer() {
		return stripSlash(url) + "/realms/" + realm;
	}

	public String openidConnect() {
		return issuer() + "/protocol/openid-connect";
	}

	public String discoveryDocument() {
		return issuer() + "/.well-known/openid-configuration";
	}

	private static String stripSlash(String s) {
		return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
	}
}
