package org.fundguard.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.fundguard.database.DatabaseKind;
import org.fundguard.notifications.outbox.Channel;
import org.fundguard.notifications.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells users something: a row for the bell, and one outbox row per outside channel the user chose (mail unless opted
 * out and an address is known; the webhook when one is set). Runs in the caller's transaction, so a notification
 * exists exactly when what it tells about was committed. Telling the same source again tells nobody twice.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;
	private final Recipients recipients;
	private final NotificationSettings settings;
	private final Outbox outbox;
	private final Clock clock;
	private final DatabaseKind database;

	Notifications(JdbcClient jdbc, Recipients recipients, NotificationSettings settings, Outbox outbox, Clock clock,
			DataSource dataSource) {
		this.database = new DatabaseKind(dataSource);
		this.jdbc = jdbc;
		this.recipients = recipients;
		this.settings = settings;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** Tells these users (usernames); returns how many were told for the first time. */
	@Transactional
	public int tell(Collection<String> usernames, Notice notice) {
		int told = 0;
		for (String username : new LinkedHashSet<>(usernames)) {
			Optional<Long> id = insert(username, notice);
			if (id.isEmpty()) {
				continue;
			}
			told++;
			NotificationSettings.Choice choice = settings.of(username);
			Optional<String> email = recipients.find(username).map(Recipients.Recipient::email);
			if (choice.email() && email.isPresent()) {
				outbox.enqueue(id.get(), Channel.MAIL, email.get());
			}
			if (choice.webhookUrl() != null) {
				outbox.enqueue(id.get(), Channel.WEBHOOK, choice.webhookUrl());
			}
		}
		return told;
	}

	/**
	 * Tells an address that is no user (an institution's configured contact), by mail only, under the recipient name
	 * {@code contact:<key>}.
	 */
	@Transactional
	public boolean tellAddress(String key, String email, Notice notice) {
		Optional<Long> id = insert("contact:" + key, notice);
		id.ifPresent(n -> outbox.enqueue(n, Channel.MAIL, email));
		return id.isPresent();
	}

	/** The user's unread notifications: the bell's count. */
	public int unread(String username) {
		return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null").param(username)
			.query(Integer.class).single();
	}

	/** The user's newest notifications first. */
	public List<Notification> of(String username, int limit) {
		return jdbc.sql("""
				select id, kind, title, body, link, created_at, read_at from notification where recipient = ?
				order by id desc fetch first %d rows only""".formatted(limit))
			.param(username)
			.query((rs, n) -> new Notification(rs.getLong(1), NoticeKind.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
					rs.getObject(7, OffsetDateTime.class)))
			.list();
	}

	/** Marks one of the user's notifications read (another user's is left alone). */
	@Transactional
	public void markRead(String username, long id) {
		jdbc.sql("update notification set read_at = ? where id = ? and recipient = ? and read_at is null")
			.params(OffsetDateTime.now(clock), id, username).update();
	}

	@Transactional
	public void markAllRead(String username) {
		jdbc.sql("update notification set read_at = ? where recipient = ? and read_at is null")
			.params(OffsetDateTime.now(clock), username).update();
	}

	private Optional<Long> insert(String recipient, Notice notice) {
		boolean known = jdbc.sql("select count(*) from notification where recipient = ? and source_key = ?")
			.params(recipient, notice.sourceKey()).query(Integer.class).single() > 0;
		if (known) {
			return Optional.empty();
		}
		// two nodes telling the same source at once: on PostgreSQL the second insert is skipped instead of failing, which
		// would roll back the caller's own work (the listeners run in its transaction); H2 serves one node only
		int inserted = jdbc.sql("""
				insert into notification (recipient, kind, title, body, link, source_key, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""" + (database.postgres() ? " on conflict (recipient, source_key) do nothing" : ""))
			.params(recipient, notice.kind().name(), cut(notice.title(), 300), cut(notice.body(), 4000), notice.link(),
					cut(notice.sourceKey(), 300), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS))
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		return jdbc.sql("select id from notification where recipient = ? and source_key = ?")
			.params(recipient, cut(notice.sourceKey(), 300)).query(Long.class).optional();
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	/** One notification as the list shows it. */
	public record Notification(long id, NoticeKind kind, String title, String body, String link, OffsetDateTime createdAt,
			OffsetDateTime readAt) {

		public boolean read() {
			return readAt != null;
		}
	}
}
