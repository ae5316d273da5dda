package org.fundguard.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP server every FundGuard mail goes through (notifications, institutions' reminders). The older settings
 * {@code spring.mail.host}/{@code port} and {@code fundguard.appeals.mail-from} are read as fallbacks in
 * application.yml, so an installation configured before keeps working.
 *
 * @param enabled off: notifications stay in the bell and mail rows wait in the outbox
 * @param host the SMTP server; empty = no mail server (like {@code enabled: false})
 * @param from the sender address
 * @param starttls require STARTTLS
 * @param messageIdDomain the right-hand side of every Message-ID ({@code <notification-42@domain>})
 * @param timeout connect, read and write timeout towards the server
 */
@ConfigurationProperties("fundguard.mail")
public record MailProperties(Boolean enabled, String host, Integer port, String username, String password, String from,
		Boolean starttls, String messageIdDomain, java.time.Duration timeout) {

	public MailProperties {
		enabled = enabled == null || enabled;
		host = host == null ? "" : host.strip();
		port = port == null ? 25 : port;
		from = from == null || from.isBlank() ? "fundguard@localhost" : from;
		starttls = starttls != null && starttls;
		messageIdDomain = messageIdDomain == null || messageIdDomain.isBlank() ? "fundguard.local" : messageIdDomain;
		timeout = timeout == null ? java.time.Duration.ofSeconds(10) : timeout;
	}

	/** Without the password: these settings may be logged or shown. */
	@Override
	public String toString() {
		return "MailProperties[enabled=%s, host=%s, port=%d, username=%s, password=%s, from=%s]".formatted(enabled, host, port,
				username, password == null || password.isEmpty() ? "（未设置）" : "******", from);
	}

	/** Whether mail can be sent at all. */
	public boolean configured() {
		return enabled && !host.isEmpty();
	}
}
