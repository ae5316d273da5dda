package org.fundguard.record;

/**
 * Who did a step, and in which role: the user id from Keycloak (or {@code fundguard-system} for timers and
 * automatic steps) and the role id under which the step was taken.
 */
public record Actor(String userId, String role) {

	public static final Actor SYSTEM = new Actor("fundguard-system", "system");

	public Actor {
		if (userId == null || userId.isBlank() || role == null || role.isBlank()) {
			throw new IllegalArgumentException("an enforcement step needs who took it and in which role");
		}
	}
}
