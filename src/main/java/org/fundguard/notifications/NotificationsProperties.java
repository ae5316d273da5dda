package org.fundguard.notifications;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications are made and sent.
 *
 * @param reminderWorkingDays an open task is reminded when its due date is within this many working days (2)
 * @param scanInterval how often open tasks are scanned for reminders and escalations (PT5M)
 * @param pollInterval how often the outbox is worked (PT5S)
 * @param batchSize outbox rows sent per round (50)
 * @param firstRetry the wait after the first failed attempt, doubled after each further one (PT10S)
 * @param maxRetry the longest wait between attempts (PT30M)
 * @param maxAttempts after this many failed attempts a row is given up (shown on the list as failed; 50)
 * @param excludedTasks tasks the scan leaves alone because their module reminds by itself, as {@code process} or
 *     {@code process:taskKey} ({@code signal-review:Task_AnswerSignal}: the institution's answer reminder)
 * @param webhookSecret the HMAC-SHA256 key of the webhooks' {@code X-FundGuard-Signature} header
 * @param baseUrl the workbench's address, for links in mails and webhooks
 * @param webhookAllowedHosts hosts a webhook may post to although they are not public addresses (an inside receiver
 *     the bureau runs); any other non-public address is refused
 */
@ConfigurationProperties("fundguard.notifications")
public record NotificationsProperties(Integer reminderWorkingDays, Duration scanInterval, Duration pollInterval,
		Integer batchSize, Duration firstRetry, Duration maxRetry, Integer maxAttempts, List<String> excludedTasks,
		String webhookSecret, String baseUrl, List<String> webhookAllowedHosts) {

	public NotificationsProperties {
		reminderWorkingDays = reminderWorkingDays == null ? 2 : Math.max(0, reminderWorkingDays);
		scanInterval = scanInterval == null ? Duration.ofMinutes(5) : scanInterval;
		pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
		batchSize = batchSize == null ? 50 : Math.max(1, batchSize);
		firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
		maxRetry = maxRetry == null ? Duration.ofMinutes(30) : maxRetry;
		maxAttempts = maxAttempts == null ? 50 : Math.max(1, maxAttempts);
		excludedTasks = excludedTasks == null ? List.of("signal-review:Task_AnswerSignal") : List.copyOf(excludedTasks);
		webhookSecret = webhookSecret == null ? "" : webhookSecret;
		baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
		webhookAllowedHosts = webhookAllowedHosts == null ? List.of() : List.copyOf(webhookAllowedHosts);
	}

	/** Without the secret: these settings may be logged or shown. */
	@Override
	public String toString() {
		return "NotificationsProperties[reminderWorkingDays=%d, scanInterval=%s, pollInterval=%s, webhookSecret=%s, baseUrl=%s]"
			.formatted(reminderWorkingDays, scanInterval, pollInterval, webhookSecret.isBlank() ? "（未设置）" : "******", baseUrl);
	}
}
