package org.fundguard.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whom FundGuard can tell something: every user who signed in through the browser, with the address of the ID token's
 * email claim (Keycloak's profile), roles, regions and institution as of the last sign-in. A user who never signed in
 * is not known and is told nothing, as Camunda does not know him or her either.
 */
@Component
class Recipients {

	private static final Logger log = LoggerFactory.getLogger(Recipients.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate tx;

	Recipients(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	/** One known user. */
	record Recipient(String username, String displayName, String email, Set<Role> roles, String providerCode,
			List<String> regions) {

		CurrentUser asUser() {
			return new CurrentUser(username, displayName, roles, providerCode);
		}
	}

	@EventListener
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof OidcUser oidc)) {
			return;
		}
		CurrentUser user = CurrentUser.from(event.getAuthentication());
		try {
			tx.executeWithoutResult(status -> remember(user, oidc.getEmail(),
					CurrentUser.claimValues(event.getAuthentication(), "region")));
		}
		catch (DataAccessException e) {
			// the same user signing in on two nodes at once: one copy is kept, and a sign-in never fails for it
			log.warn("could not remember {} for notifications: {}", user.username(), e.getMessage());
		}
	}

	void remember(CurrentUser user, String email, List<String> regions) {
		jdbc.sql("delete from notification_recipient where username = ?").param(user.username()).update();
		jdbc.sql("""
				insert into notification_recipient (username, display_name, email, roles, provider_code, regions, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(user.username(), user.displayName(), email == null || email.isBlank() ? null : email.strip(),
					user.roles().stream().map(Role::id).sorted().collect(Collectors.joining(",")), user.providerCode(),
					String.join(",", regions), OffsetDateTime.now(clock))
			.update();
	}

	Optional<Recipient> find(String username) {
		return jdbc.sql(SELECT + " where username = ?").param(username).query(this::row).optional();
	}

	List<Recipient> all() {
		return jdbc.sql(SELECT + " order by username").query(this::row).list();
	}

	List<Recipient> withRole(Role role) {
		return all().stream().filter(r -> r.roles().contains(role)).toList();
	}

	List<Recipient> ofInstitution(String providerCode) {
		return jdbc.sql(SELECT + " where provider_code = ? order by username").param(providerCode).query(this::row).list()
			.stream().filter(r -> r.roles().contains(Role.INSTITUTION)).toList();
	}

	private static final String SELECT = "select username, display_name, email, roles, provider_code, regions from notification_recipient";

	private Recipient row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(rs.getString(4).split(",")).map(Role::ofId).flatMap(Optional::stream).forEach(roles::add);
		String regions = rs.getString(6);
		return new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), roles, rs.getString(5),
				regions == null || regions.isBlank() ? List.of() : List.of(regions.split(",")));
	}
}
