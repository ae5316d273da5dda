package org.fundguard.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Bearer tokens from the real Keycloak, through the realm's public command-line client. */
public final class KeycloakTokens {

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	/**
	 * Tokens live 5 minutes (the realm's accessTokenLifespan), and an IT run on a busy machine takes longer than
	 * that: a token is used until shortly before it expires, then fetched again. Kept forever, they had turned
	 * into 401s late in slow runs.
	 */
	private static final Duration MARGIN = Duration.ofSeconds(60);
	private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

	private KeycloakTokens() {
	}

	public static String accessToken(String username) {
		return CACHE.compute(username, (user, cached) -> cached != null && cached.fresh() ? cached : fetch(user)).value();
	}

	private record Token(String value, Instant usableUntil) {

		boolean fresh() {
			return Instant.now().isBefore(usableUntil);
		}
	}

	/**
	 * A client-credentials token of a confidential client, as an institution's system gets it (fundguard-inst-1 with
	 * secret fundguard-inst-1-secret, …): no user, the realm role and provider code come from the client.
	 */
	public static String clientToken(String clientId) {
		return CACHE.compute("client:" + clientId, (key, cached) -> cached != null && cached.fresh() ? cached
				: token(clientId, Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret",
						clientId + "-secret"))).value();
	}

	/**
	 * A demo user of a two-factor role (director, legal reviewer, report handler, administrator) sends the current
	 * one-time code as the {@code totp} parameter, as the realm's direct-grant flow asks; a code another test run
	 * spent a moment before is refused (Keycloak takes each once): then one more try with the next code.
	 */
	private static Token fetch(String username) {
		java.util.Optional<byte[]> secret = DemoUsers.otpSecret(username);
		try {
			return token(username, passwordGrant(username, secret.map(Totp::freshCode)));
		}
		catch (Refused refused) {
			if (secret.isEmpty()) {
				throw refused;
			}
			Totp.pauseAfterRefusal();
			return token(username, passwordGrant(username, secret.map(Totp::freshCode)));
		}
	}

	/** The password grant's form; with the one-time code when there is one. */
	public static Map<String, String> passwordGrant(String username, java.util.Optional<String> totp) {
		Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "fundguard-cli",
				"username", username, "password", DemoUsers.PASSWORD, "scope", "openid"));
		totp.ifPresent(code -> form.put("totp", code));
		return form;
	}

	/** Keycloak answered, but with no token. */
	public static final class Refused extends IllegalStateException {

		Refused(String message) {
			super(message);
		}
	}

	private static Token token(String username, Map<String, String> form) {
		String body = form.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(Services.realmUrl() + "/protocol/openid-connect/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new Refused("Keycloak refused a token for " + username + ": " + response.body());
			}
			var json = new ObjectMapper().readTree(response.body());
			Instant expires = Instant.now().plusSeconds(json.path("expires_in").asLong(300));
			return new Token(json.get("access_token").asText(), expires.minus(MARGIN));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException("Keycloak is not reachable at " + Services.keycloakUrl(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
