package org.fundguard.notifications.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox table: one row per notification and outside channel. A row is due while unsent, under the attempt limit
 * and past its next attempt; it is marked sent (never sent again) or failed with the next attempt put off.
 */
public class Outbox {

	private final JdbcClient jdbc;
	private final Clock clock;

	public Outbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One row to send, with what its notification says. */
	public record Row(long id, Channel channel, String address, int attempts, long notificationId, String recipient,
			String kind, String title, String body, String link, OffsetDateTime createdAt) {

		/** Stable for the row, whatever attempt sends it: receivers can drop a second copy by it. */
		public String messageId(String domain) {
			return "<notification-" + id + "@" + domain + ">";
		}
	}

	public void enqueue(long notificationId, Channel channel, String address) {
		OffsetDateTime now = now();
		jdbc.sql("""
				insert into notification_outbox (notification_id, channel, address, attempts, next_attempt_at, created_at)
				values (?, ?, ?, 0, ?, ?)""")
			.params(notificationId, channel.name(), address, now, now)
			.update();
	}

	public List<Row> due(int limit, int maxAttempts) {
		return jdbc.sql("""
				select o.id, o.channel, o.address, o.attempts, n.id, n.recipient, n.kind, n.title, n.body, n.link, n.created_at
				from notification_outbox o join notification n on n.id = o.notification_id
				where o.sent_at is null and o.attempts < ? and o.next_attempt_at <= ?
				order by o.next_attempt_at, o.id fetch first %d rows only""".formatted(limit))
			.params(maxAttempts, now())
			.query((rs, n) -> new Row(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4),
					rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
					rs.getObject(11, OffsetDateTime.class)))
			.list();
	}

	public void sent(long id) {
		jdbc.sql("update notification_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ? and sent_at is null")
			.params(now(), id).update();
	}

	public void failed(long id, int attemptsBefore, String error, Duration wait) {
		jdbc.sql("update notification_outbox set attempts = ?, last_error = ?, next_attempt_at = ? where id = ? and sent_at is null")
			.params(attemptsBefore + 1, error == null ? "?" : error.length() > 1000 ? error.substring(0, 1000) : error,
					now().plus(wait), id)
			.update();
	}

	/** Rows not sent yet (waiting or given up), for the operators and the benchmark. */
	public int unsent() {
		return jdbc.sql("select count(*) from notification_outbox where sent_at is null").query(Integer.class).single();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
	}
}
