package org.fundguard.notifications.outbox;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fundguard.notifications.MailProperties;
import org.fundguard.notifications.NotificationsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Works the outbox every {@code fundguard.notifications.poll-interval} on one node at a time: ShedLock's row in table
 * {@code shedlock} ({@code process.scheduling}), not row claiming. Sending a mail cannot be inside the row's database
 * transaction anyway (an SMTP send is not rolled back), so a {@code FOR UPDATE SKIP LOCKED} claim would have to be a
 * separate "claimed by, until" column with its own expiry, which is what ShedLock already is, once for the whole
 * outbox; one sender also keeps the order and spares the mail server parallel retries during an outage.
 */
@Configuration(proxyBeanMethods = false)
class OutboxPoller {

	@Bean
	Outbox notificationOutbox(JdbcClient jdbc, Clock clock) {
		return new Outbox(jdbc, clock);
	}

	@Bean
	OutboxWork notificationOutboxWork(Outbox outbox, MailProperties mail, NotificationsProperties config) {
		return new OutboxWork(outbox, new MailChannel(mail, config.baseUrl()),
				new WebhookChannel(config.webhookSecret(), config.baseUrl(), new WebhookDestinations(config.webhookAllowedHosts())),
				new Backoff(config.firstRetry(), config.maxRetry()), config.batchSize(), config.maxAttempts());
	}

	@Bean
	Rounds notificationOutboxRounds(OutboxWork work) {
		return new Rounds(work);
	}

	/** The scheduled rounds, locked across nodes. */
	static class Rounds {

		private final OutboxWork work;

		Rounds(OutboxWork work) {
			this.work = work;
		}

		@Scheduled(fixedDelayString = "${fundguard.notifications.poll-interval:PT5S}",
				initialDelayString = "${fundguard.notifications.poll-interval:PT5S}")
		// a round sends one batch (50 rows, each send bounded by its timeouts), so five minutes is ample; a node that dies
		// holding the lock then delays the outbox by five minutes at most, not half an hour
		@SchedulerLock(name = "notifications-outbox", lockAtMostFor = "PT5M")
		public void poll() {
			work.round();
		}
	}
}
