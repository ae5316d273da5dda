package org.fundguard.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens when someone signs in through the browser: the sign-in is recorded (who, with which roles,
 * when), and the user is mirrored into Camunda so that the webapps know him or her.
 */
@Service
public class SignIns {

	private static final Logger log = LoggerFactory.getLogger(SignIns.class);

	private final JdbcClient jdbc;
	private final CamundaIdentity camunda;
	private final Clock clock;

	SignIns(JdbcClient jdbc, CamundaIdentity camunda, Clock clock) {
		this.jdbc = jdbc;
		this.camunda = camunda;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void engineStarted() {
		camunda.ensureGroupsAndApplicationAccess();
	}

	@EventListener
	@Transactional
	void signedIn(InteractiveAuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof OidcUser oidc)) {
			return;
		}
		CurrentUser user = CurrentUser.from(event.getAuthentication());
		camunda.mirror(user, oidc.getEmail());
		String roles = user.roles().stream().map(Role::id).sorted().collect(Collectors.joining(","));
		jdbc.sql("insert into identity_sign_in (username, roles, signed_in_at) values (?, ?, ?)")
			.params(user.username(), roles, OffsetDateTime.now(clock))
			.update();
		log.info("signed in: user={} roles={}", user.username(), roles);
	}

	/** The sign-in before the current one, shown on the workbench so that users notice a sign-in that was not theirs. */
	public Optional<OffsetDateTime> previousSignIn(String username) {
		return jdbc.sql("select signed_in_at from identity_sign_in where username = ? order by id desc offset 1 rows fetch next 1 rows only")
			.param(username)
			.query(OffsetDateTime.class)
			.optional();
	}
}
