package org.fundguard.notifications.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Addresses a user's webhook may not reach unless the bureau allows the host by name. */
class WebhookDestinationsTest {

	final WebhookDestinations destinations = new WebhookDestinations(List.of("Receiver.Inside"));

	@Test
	void insideAndReservedAddressesAreRefused() {
		for (String url : List.of("http://localhost:9200/", "http://127.0.0.1/", "http://10.0.0.8/", "http://192.168.1.1/",
				"http://172.16.4.4/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/", "http://[::1]/",
				"http://[fd00::1]/", "http://0.0.0.0/", "http:///nohost")) {
			assertThat(destinations.allowed(URI.create(url))).as(url).isFalse();
		}
	}

	@Test
	void aPublicAddressAndAHostAllowedByNameAreTaken() {
		assertThat(destinations.allowed(URI.create("https://8.8.8.8/hook"))).isTrue();
		assertThat(destinations.allowed(URI.create("http://receiver.inside/hook"))).as("by name, not resolved").isTrue();
	}

	@Test
	void eachUsersKeyIsItsOwn() {
		assertThat(WebhookSignature.keyFor("secret", "director1")).isNotEqualTo(WebhookSignature.keyFor("secret", "institution1"))
			.isEqualTo(WebhookSignature.keyFor("secret", "director1")).hasSize(64);
	}
}
