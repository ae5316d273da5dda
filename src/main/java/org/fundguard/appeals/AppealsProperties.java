package org.fundguard.appeals;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Periods of issued signals (疑点下发) and where reminders go, which a bureau may change.
 *
 * @param answerWorkingDays the institution answers each issued signal within this many working days (10); unanswered,
 *     the signal is confirmed at the end
 * @param reminderWorkingDays the reminder goes out this many working days before the answer deadline (2)
 * @param reviewWorkingDays a reviewer decides an appeal within this many working days (10)
 * @param contacts provider code → the institution's contact mail address for reminders
 * @param mailFrom the sender of the reminders before issue 20; now the fallback of {@code fundguard.mail.from}
 */
@ConfigurationProperties("fundguard.appeals")
public record AppealsProperties(Integer answerWorkingDays, Integer reminderWorkingDays, Integer reviewWorkingDays,
		Map<String, String> contacts, String mailFrom) {

	public AppealsProperties {
		answerWorkingDays = answerWorkingDays == null ? 10 : Math.max(1, answerWorkingDays);
		reminderWorkingDays = reminderWorkingDays == null ? 2 : Math.max(0, reminderWorkingDays);
		reviewWorkingDays = reviewWorkingDays == null ? 10 : Math.max(1, reviewWorkingDays);
		contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
		mailFrom = mailFrom == null || mailFrom.isBlank() ? "fundguard@localhost" : mailFrom;
	}
}
