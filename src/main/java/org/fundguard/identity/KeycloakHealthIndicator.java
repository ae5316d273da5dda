package org.fundguard.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Keycloak is up for FundGuard when the realm's discovery document answers: then users can sign in. */
@Component("keycloak")
class KeycloakHealthIndicator extends AbstractHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final KeycloakProperties keycloak;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	KeycloakHealthIndicator(KeycloakProperties keycloak) {
		super("Keycloak is not reachable");
		this.keycloak = keycloak;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.discoveryDocument())).timeout(TIMEOUT).GET().build();
		int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		builder.withDetail("issuer", keycloak.issuer()).withDetail("httpStatus", status);
		if (status == 200) {
			builder.up();
		}
		else {
			builder.down();
		}
	}
}
