package org.fundguard.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.fundguard.notifications.MailProperties;
import org.fundguard.notifications.outbox.Backoff;
import org.fundguard.notifications.outbox.Channel;
import org.fundguard.notifications.outbox.MailChannel;
import org.fundguard.notifications.outbox.Outbox;
import org.fundguard.notifications.outbox.OutboxWork;
import org.fundguard.notifications.outbox.WebhookChannel;
import org.fundguard.notifications.outbox.WebhookDestinations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 20's measurement, "messages lost when the mail server was stopped for a minute": the notifications' own
 * outbox (the migration's tables in an in-memory H2, the same {@link Outbox}, {@link OutboxWork} and {@link MailChannel}
 * the application runs, polled every 500 ms) in front of a real SMTP server (GreenMail). Notifications are produced
 * at a steady rate for 10 s with the server up, then for a full 60 s with the server stopped, then for 10 s with it
 * started again; then the outbox is worked until empty. Every mail received is counted by its Message-ID: sent (distinct
 * Message-IDs received), lost (produced and never received), duplicated (copies beyond the first).
 * <p>
 * args: [--outage-seconds 60] [--rate 5] (notifications per second)
 */
public final class MailBenchmark {

	private MailBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<String> a = Arrays.asList(args);
		int outage = intArg(a, "--outage-seconds", 60);
		int rate = intArg(a, "--rate", 5);
		int port = freePort();

		SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:h2:mem:mail-bench;DB_CLOSE_DELAY=-1", "sa",
				"", true);
		JdbcClient jdbc = JdbcClient.create(db);
		String schema = Files.readString(Path.of("src/main/resources/db/migration/V38__notifications.sql"),
				StandardCharsets.UTF_8);
		for (String statement : schema.replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				jdbc.sql(statement).update();
			}
		}
		Clock clock = Clock.systemUTC();
		Outbox outbox = new Outbox(jdbc, clock);
		MailProperties mail = new MailProperties(true, "127.0.0.1", port, null, null, "fundguard@ybj.example", false,
				"bench.fundguard", Duration.ofSeconds(3));
		OutboxWork work = new OutboxWork(outbox, new MailChannel(mail, "http://localhost:8080"),
				new WebhookChannel("", "http://localhost:8080", new WebhookDestinations(List.of())), new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8)),
				50, 1000);

		List<MimeMessage> received = new ArrayList<>();
		GreenMail smtp = smtp(port);
		AtomicBoolean running = new AtomicBoolean(true);
		Thread poller = Thread.ofPlatform().name("outbox-poller").start(() -> {
			while (running.get()) {
				synchronized (jdbc) {
					work.round();
				}
				sleep(500);
			}
		});

		int produced = 0;
		System.out.printf("邮件服务器正常 10 s / server up 10 s, %d notifications/s%n", rate);
		produced += produce(jdbc, outbox, produced, rate, 10);
		received.addAll(List.of(smtp.getReceivedMessages()));
		smtp.stop();
		long stoppedAt = System.nanoTime();
		System.out.printf("邮件服务器停止 %d s / server stopped for %d s%n", outage, outage);
		produced += produce(jdbc, outbox, produced, rate, outage);
		long waited = Duration.ofNanos(System.nanoTime() - stoppedAt).toSeconds();
		int failedAttempts;
		synchronized (jdbc) {
			failedAttempts = jdbc.sql("select coalesce(sum(attempts), 0) from notification_outbox where sent_at is null")
				.query(Integer.class).single();
		}
		smtp = smtp(port);
		System.out.printf("邮件服务器恢复 (停机 %d s) / server started again after %d s%n", waited, waited);
		produced += produce(jdbc, outbox, produced, rate, 10);
		long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < end) {
			int unsent;
			synchronized (jdbc) {
				unsent = outbox.unsent();
			}
			if (unsent == 0) {
				break;
			}
			sleep(500);
		}
		running.set(false);
		poller.join();
		received.addAll(List.of(smtp.getReceivedMessages()));
		smtp.stop();

		Map<String, Integer> copies = new HashMap<>();
		for (MimeMessage m : received) {
			copies.merge(messageId(m), 1, Integer::sum);
		}
		List<Long> rows = jdbc.sql("select id from notification_outbox").query(Long.class).list();
		int sent = 0;
		int lost = 0;
		int duplicated = 0;
		for (long row : rows) {
			int n = copies.getOrDefault("<notification-" + row + "@bench.fundguard>", 0);
			sent += n > 0 ? 1 : 0;
			lost += n == 0 ? 1 : 0;
			duplicated += Math.max(0, n - 1);
		}
		System.out.printf("""
				produced %d notifications (mail rows %d); failed attempts while the server was down: %d
				sent %d / lost %d / duplicated %d  (counted by Message-ID over %d mails received)
				产生 %d 条，发送 %d 条，丢失 %d 条，重复 %d 条
				""", produced, rows.size(), failedAttempts, sent, lost, duplicated, received.size(), produced, sent, lost,
				duplicated);
		db.destroy();
		System.exit(lost == 0 && duplicated == 0 && sent == produced ? 0 : 1);
	}

	/** Produces notifications at the rate for the seconds, each with its mail row, as the application's tell does. */
	private static int produce(JdbcClient jdbc, Outbox outbox, int from, int rate, int seconds) {
		int n = 0;
		long start = System.nanoTime();
		for (int s = 0; s < seconds; s++) {
			for (int i = 0; i < rate; i++) {
				int k = from + n++;
				synchronized (jdbc) {
					jdbc.sql("""
							insert into notification (recipient, kind, title, body, source_key, created_at)
							values ('inspector1', 'DEADLINE_REMINDER', ?, '基准测试通知', ?, ?)""")
						.params("基准测试通知 " + k, "bench:" + k, OffsetDateTime.now()).update();
					long id = jdbc.sql("select id from notification where source_key = ?").param("bench:" + k)
						.query(Long.class).single();
					outbox.enqueue(id, Channel.MAIL, "inspector1@fundguard.example");
				}
				long due = start + Duration.ofMillis((s * 1000L) + (i + 1) * 1000L / rate).toNanos();
				sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
			}
		}
		return n;
	}

	private static GreenMail smtp(int port) {
		GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		g.start();
		return g;
	}

	private static String messageId(MimeMessage m) {
		try {
			return m.getMessageID();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static int intArg(List<String> args, String name, int fallback) {
		int i = args.indexOf(name);
		return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}
}
