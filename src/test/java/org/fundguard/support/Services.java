package org.fundguard.support;

/** Where the real services are, as the launcher's test command exports them. */
public final class Services {

	private Services() {
	}

	public static String keycloakUrl() {
		return env("FUNDGUARD_KEYCLOAK_URL", "http://localhost:8180");
	}

	public static String elasticsearchUrl() {
		return env("FUNDGUARD_ES_URL", "http://localhost:9200");
	}

	public static String realmUrl() {
		return keycloakUrl() + "/realms/fundguard";
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
