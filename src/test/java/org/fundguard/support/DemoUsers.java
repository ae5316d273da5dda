package org.fundguard.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo users as the realm file in the repository defines them, so tests cover every one of them. */
public final class DemoUsers {

	public static final String PASSWORD = "fundguard";

	private static final List<DemoUser> ALL = read();
	/** The two-factor secrets imported with the realm (directors, legal reviewers, report handlers, administrators). */
	private static final Map<String, byte[]> OTP_SECRETS = readOtpSecrets();

	private DemoUsers() {
	}

	/** Every person who signs in: the bureau's staff and the institutions' users (not the institutions' systems). */
	public static List<DemoUser> all() {
		return ALL;
	}

	/** The bureau's staff: every demo user but the institutions'. */
	public static List<DemoUser> staff() {
		return ALL.stream().filter(u -> !u.institution()).toList();
	}

	/** The institutions' users, each bound to its provider code. */
	public static List<DemoUser> institutions() {
		return ALL.stream().filter(DemoUser::institution).toList();
	}

	public static DemoUser withRole(String role) {
		return ALL.stream().filter(u -> u.roles().contains(role)).findFirst().orElseThrow();
	}

	public static DemoUser named(String username) {
		return ALL.stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
	}

	/**
	 * The demo user's imported two-factor secret: Keycloak keeps it as text (secretData's value) and uses its UTF-8
	 * bytes as the HMAC key. Empty for a user who signs in with a password alone.
	 */
	public static Optional<byte[]> otpSecret(String username) {
		return Optional.ofNullable(OTP_SECRETS.get(username));
	}

	private static Map<String, byte[]> readOtpSecrets() {
		try {
			ObjectMapper json = new ObjectMapper();
			Map<String, byte[]> secrets = new HashMap<>();
			for (JsonNode user : realm().get("users")) {
				for (JsonNode credential : user.path("credentials")) {
					if (credential.path("type").asText().equals("otp")) {
						String value = json.readTree(credential.get("secretData").asText()).get("value").asText();
						secrets.put(user.get("username").asText(), value.getBytes(StandardCharsets.UTF_8));
					}
				}
			}
			return Map.copyOf(secrets);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read the demo realm", e);
		}
	}

	private static JsonNode realm() throws IOException {
		return new ObjectMapper().readTree(Path.of("keycloak/fundguard-realm.json").toFile());
	}

	private static List<DemoUser> read() {
		try {
			JsonNode realm = realm();
			List<DemoUser> users = new ArrayList<>();
			for (JsonNode user : realm.get("users")) {
				if (user.has("serviceAccountClientId")) {
					continue; // an institution's system (client credentials): it has no password and signs in nowhere
				}
				List<String> roles = new ArrayList<>();
				user.get("realmRoles").forEach(r -> roles.add(r.asText()));
				JsonNode code = user.path("attributes").path("provider_code").path(0);
				users.add(new DemoUser(user.get("username").asText(),
						user.get("lastName").asText() + user.get("firstName").asText(), List.copyOf(roles),
						code.isMissingNode() ? null : code.asText()));
			}
			return List.copyOf(users);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read the demo realm", e);
		}
	}

	/**
	 * @param displayName family name first, as the workbench shows it
	 * @param providerCode the institution an institution's user acts for; null for the bureau's staff
	 */
	public record DemoUser(String username, String displayName, List<String> roles, String providerCode) {

		public boolean institution() {
			return roles.contains("institution");
		}

		public String role() {
			return roles.getFirst();
		}

		@Override
		public String toString() {
			return username + " (" + String.join(",", roles) + ")";
		}
	}
}
