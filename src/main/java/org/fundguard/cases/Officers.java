package org.fundguard.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fundguard.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bureau's officers as their Keycloak tokens describe them, mirrored at each sign-in (and each use of the cases
 * API), so that a director can assign an inspector who is not the one signed in: his or her pool inspector id (for
 * declared conflicts, 回避) and regions. Keycloak stays the source; an officer who never signed in cannot be assigned.
 */
@Service
public class Officers {

	/** An officer; {@code inspectorId} links to the inspector pool (inspection_inspector), null if not an inspector. */
	public record Officer(String username, String displayName, String inspectorId, List<String> regions, List<String> roles) {

		public boolean isInspector() {
			return roles.contains(Role.INSPECTOR.id());
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	Officers(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		remember(CaseViewer.of(event.getAuthentication()));
	}

	/** Writes the officer's current facts when they differ from what is kept. */
	@Transactional
	public void remember(CaseViewer viewer) {
		Officer now = new Officer(viewer.username(), viewer.displayName(), viewer.inspectorId(), viewer.regions(),
				viewer.roles().stream().map(Role::id).sorted().toList());
		if (find(viewer.username()).filter(now::equals).isPresent()) {
			return;
		}
		Object[] values = { now.displayName(), now.inspectorId(), String.join(",", now.regions()),
				String.join(",", now.roles()), OffsetDateTime.now(clock), now.username() };
		int updated = jdbc.sql("update case_officer set display_name = ?, inspector_id = ?, regions = ?, roles = ?, "
				+ "updated_at = ? where username = ?").params(values).update();
		if (updated == 0) {
			jdbc.sql("insert into case_officer (display_name, inspector_id, regions, roles, updated_at, username) "
					+ "values (?, ?, ?, ?, ?, ?)").params(values).update();
		}
	}

	public Optional<Officer> find(String username) {
		return jdbc.sql("select username, display_name, inspector_id, regions, roles from case_officer where username = ?")
			.param(username)
			.query((rs, n) -> new Officer(rs.getString(1), rs.getString(2), rs.getString(3), split(rs.getString(4)),
					split(rs.getString(5))))
			.optional();
	}

	/** Officers with the inspector role, by username: whom a director may assign. */
	public List<Officer> inspectors() {
		return jdbc.sql("select username from case_officer order by username")
			.query(String.class)
			.list()
			.stream()
			.map(u -> find(u).orElseThrow())
			.filter(Officer::isInspector)
			.toList();
	}

	/**
	 * The name to show for a user id (王芳 for reviewer1) wherever a page says who did something; "系统" for automatic
	 * steps; the id itself for a user who has never signed in (names come from Keycloak at sign-in).
	 */
	public String nameOf(String username) {
		if (username == null || username.isBlank()) {
			return "—";
		}
		if (SYSTEM_USER.equals(username) || "schedule".equals(username)) {
			return "系统";
		}
		return find(username).map(Officer::displayName).orElse(username);
	}

	private static final String SYSTEM_USER = "fundguard-system";

	private static List<String> split(String joined) {
		return joined == null || joined.isBlank() ? List.of()
				: Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
	}
}
