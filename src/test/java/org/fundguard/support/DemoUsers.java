package org.fundguard.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo users as the realm file in the repository defines them, so tests cover every one of them. */
public final class DemoUsers {

	public static final String PASSWORD = "fundguard";

	private static final List<DemoUser> ALL = read();

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

	private static List<DemoUser> read() {
		try {
			JsonNode realm = new ObjectMapper().readTree(Path.of("keycloak/fundguard-realm.json").toFile());
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
