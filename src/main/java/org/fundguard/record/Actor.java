package org.fundguard.record;

/**
 * Who did a step, and in which role: the user id from Keycloak (or {@code fundguard-system} for timers and
 * automatic steps) and the role id under which the step was taken.
 */
public record Actor(String userId, String role) {

	public static final Actor SYSTEM = new Actor("fundguard-system", "system");

	public Actor {
		if (userId == null || userId.isBlank() || role == null || role.isBlank()) {
			throw new IllegalArgumentException("执法记录需要操作人和角色 / an enforcement step needs who and in which role");
		}
	}
}
