package org.fundguard.notifications.outbox;

import org.slf4j.Logger;
import org.springframework.mail.MailSendException;
import org.slf4j.LoggerFactory;

/**
 * One round of the outbox: every due row is tried once; a success marks it sent, a failure counts the attempt and puts
 * the next off by the backoff. Nothing is deleted, so an outage of the mail server only delays. Each row is marked in
 * its own statement right after its attempt, so a round cut short repeats at most the row in flight.
 */
public class OutboxWork {

	private static final Logger log = LoggerFactory.getLogger(OutboxWork.class);

	private final Outbox outbox;
	private final MailChannel mail;
	private final WebhookChannel webhook;
	private final Backoff backoff;
	private final int batchSize;
	private final int maxAttempts;

	public OutboxWork(Outbox outbox, MailChannel mail, WebhookChannel webhook, Backoff backoff, int batchSize,
			int maxAttempts) {
		this.outbox = outbox;
		this.mail = mail;
		this.webhook = webhook;
		this.backoff = backoff;
		this.batchSize = batchSize;
		this.maxAttempts = maxAttempts;
	}

	/** Works the due rows; returns how many were sent. */
	public int round() {
		int sent = 0;
		int mailWaiting = 0;
		boolean mailDown = false;
		for (Outbox.Row row : outbox.due(batchSize, maxAttempts)) {
			if (row.channel() == Channel.MAIL && (!mail.configured() || mailDown)) {
				// no mail server configured, or it just refused a connection: the rows wait, their attempts untouched,
				// so a server that is down is asked once a round, not once a row
				mailWaiting++;
				continue;
			}
			try {
				switch (row.channel()) {
					case MAIL -> mail.send(row);
					case WEBHOOK -> webhook.send(row);
				}
				outbox.sent(row.id());
				sent++;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return sent;
			}
			catch (Exception e) {
				String error = e.getClass().getSimpleName() + ": " + e.getMessage();
				outbox.failed(row.id(), row.attempts(), error, backoff.after(row.attempts() + 1));
				mailDown = row.channel() == Channel.MAIL && unreachable(e);
				log.warn("notification outbox row {} ({}) failed, attempt {}: {}", row.id(), row.channel(),
						row.attempts() + 1, mailDown ? "mail server unreachable" : error);
			}
		}
		if (mailDown && mailWaiting > 0) {
			log.warn("mail server unreachable: {} more mail rows wait for the next round", mailWaiting);
		}
		return sent;
	}

	/** Spring's mail sender says so when it could not connect at all (as against a refused recipient). */
	private static boolean unreachable(Exception e) {
		return e instanceof MailSendException m && m.getMessage() != null
				&& m.getMessage().startsWith("Mail server connection failed");
	}
}
