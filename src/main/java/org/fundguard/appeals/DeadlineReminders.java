package org.fundguard.appeals;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The reminder an institution gets before an issued signal's answer deadline. It is announced
 * ({@link AnswerReminderDue}) in the process step's transaction; the notifications module puts it in the institution
 * users' bell and its outbox mails it to them and to the configured contact ({@code fundguard.appeals.contacts}), with
 * retries while the mail server is down. The note kept with the signal says to whom it goes.
 */
@Component
class DeadlineReminders {

	private final AppealsProperties config;
	private final SignalReview review;
	private final ApplicationEventPublisher events;

	DeadlineReminders(AppealsProperties config, SignalReview review, ApplicationEventPublisher events) {
		this.config = config;
		this.review = review;
		this.events = events;
	}

	/** Announces the reminder of one signal still awaiting its answer; returns the note kept with the signal. */
	String remind(String issuedSignalId) {
		IssuedSignal s = review.get(issuedSignalId);
		if (s.state() != SignalState.AWAITING) {
			return null;
		}
		String to = config.contacts().get(s.providerCode());
		boolean contact = to != null && !to.isBlank();
		events.publishEvent(new AnswerReminderDue(s.id(), s.providerCode(), contact ? to.strip() : null,
				s.evidenceSummary(), s.amount(), s.deadline()));
		String note = contact ? "提醒已发出：机构用户站内通知，并邮件发送至 " + to.strip()
				: "提醒已发出：机构用户站内通知（未配置机构联系邮箱）";
		review.reminded(s.id(), note);
		return note;
	}
}
