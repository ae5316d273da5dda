package org.fundguard.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.fundguard.errors.Refused;
import org.fundguard.notifications.outbox.WebhookDestinations;
import org.fundguard.notifications.outbox.WebhookSignature;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each user's channels: the bell always; mail unless opted out; a webhook when the user gives one. */
@Component
public class NotificationSettings {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final NotificationsProperties config;
	private final WebhookDestinations destinations;

	NotificationSettings(JdbcClient jdbc, Clock clock, NotificationsProperties config) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.config = config;
		this.destinations = new WebhookDestinations(config.webhookAllowedHosts());
	}

	/** The key the user's webhooks are signed with, shown to that user only; none while no secret is configured. */
	public String webhookKey(String username) {
		return config.webhookSecret().isBlank() ? null : WebhookSignature.keyFor(config.webhookSecret(), username);
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

	// no transaction around it: on PostgreSQL a refused insert would abort it, and the update after it with it
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
			if (!destinations.allowed(uri)) {
				throw Refused.because("notifications.webhook.private");
			}
		}
		// update first: a double submit then changes one row instead of inserting a second (the key would refuse it)
		int changed = jdbc.sql("update notification_setting set email_enabled = ?, webhook_url = ?, updated_at = ? where username = ?")
			.params(email, url, OffsetDateTime.now(clock), username).update();
		if (changed == 0) {
			try {
				jdbc.sql("insert into notification_setting (username, email_enabled, webhook_url, updated_at) values (?, ?, ?, ?)")
					.params(username, email, url, OffsetDateTime.now(clock)).update();
			}
			catch (DuplicateKeyException raced) {
				jdbc.sql("update notification_setting set email_enabled = ?, webhook_url = ?, updated_at = ? where username = ?")
					.params(email, url, OffsetDateTime.now(clock), username).update();
			}
		}
	}
}
