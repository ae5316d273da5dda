package org.fundguard.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.fundguard.errors.Refused;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each user's channels: the bell always; mail unless opted out; a webhook when the user gives one. */
@Component
public class NotificationSettings {

	private final JdbcClient jdbc;
	private final Clock clock;

	NotificationSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A user's choice; mail on and no webhook until the user changes it. */
	public record Choice(boolean email, String webhookUrl) {
	}

	public Choice of(String username) {
		return jdbc.sql("select email_enabled, webhook_url from notification_setting where username = ?")
			.param(username)
			.query((rs, n) -> new Choice(rs.getBoolean(1), rs.getString(2)))
			.optional()
			.orElse(new Choice(true, null));
	}

	@Transactional
	public void choose(String username, boolean email, String webhookUrl) {
		String url = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
		if (url != null) {
			URI uri;
			try {
				uri = URI.create(url);
			}
			catch (IllegalArgumentException e) {
				throw Refused.because("notifications.webhook.invalid");
			}
			if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
					|| url.length() > 1000) {
				throw Refused.because("notifications.webhook.invalid");
			}
		}
		jdbc.sql("delete from notification_setting where username = ?").param(username).update();
		jdbc.sql("insert into notification_setting (username, email_enabled, webhook_url, updated_at) values (?, ?, ?, ?)")
			.params(username, email, url, OffsetDateTime.now(clock)).update();
	}
}
