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

	public static List<DemoUser> all() {
		return ALL;
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
				List<String> roles = new ArrayList<>();
				user.get("realmRoles").forEach(r -> roles.add(r.asText()));
				users.add(new DemoUser(user.get("username").asText(),
						user.get("lastName").asText() + user.get("firstName").asText(), List.copyOf(roles)));
			}
			return List.copyOf(users);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read the demo realm", e);
		}
	}

	/** @param displayName family name first, as the workbench shows it */
	public record DemoUser(String username, String displayName, List<String> roles) {

		public String role() {
			return roles.getFirst();
		}

		@Override
		public String toString() {
			return username + " (" + String.join(",", roles) + ")";
		}
	}
}
