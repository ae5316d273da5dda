package org.fundguard.appeals;

import org.fundguard.calendar.Deadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The reminder an institution gets before an issued signal's answer deadline, by mail to its configured contact
 * ({@code fundguard.appeals.contacts}). Without an address or a mail server it is logged, and the note kept with the
 * signal says so, so the bureau sees on the page that the institution was not reached.
 */
@Component
class DeadlineReminders {

	private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

	private final ObjectProvider<JavaMailSender> mail;
	private final AppealsProperties config;
	private final Deadlines deadlines;
	private final SignalReview review;

	DeadlineReminders(ObjectProvider<JavaMailSender> mail, AppealsProperties config, Deadlines deadlines,
			SignalReview review) {
		this.mail = mail;
		this.config = config;
		this.deadlines = deadlines;
		this.review = review;
	}

	/** Sends the reminder of one signal still awaiting its answer; returns the note kept with the signal. */
	String remind(String issuedSignalId) {
		IssuedSignal s = review.get(issuedSignalId);
		if (s.state() != SignalState.AWAITING) {
			return null;
		}
		String to = config.contacts().get(s.providerCode());
		String note;
		JavaMailSender sender = mail.getIfAvailable();
		if (to == null || to.isBlank()) {
			note = "未配置机构联系邮箱，提醒未发送";
			log.warn("no contact address for institution {}: reminder of issued signal {} not sent", s.providerCode(), s.id());
		}
		else if (sender == null) {
			note = "未配置邮件服务器，提醒未发送（" + to + "）";
			log.warn("no mail server: reminder of issued signal {} to {} not sent", s.id(), to);
		}
		else {
			try {
				sender.send(message(s, to));
				note = "提醒已发送至 " + to;
			}
			catch (MailException e) {
				note = "提醒发送失败（" + to + "）";
				log.warn("reminder of issued signal {} to {} failed", s.id(), to, e);
			}
		}
		review.reminded(s.id(), note);
		return note;
	}

	private SimpleMailMessage message(IssuedSignal s, String to) {
		SimpleMailMessage m = new SimpleMailMessage();
		m.setFrom(config.mailFrom());
		m.setTo(to);
		m.setSubject("【医保基金监管】疑点答复即将到期提醒");
		m.setText("""
				贵机构（%s）：

				医保部门下发的以下疑点尚未答复，答复期限为 %s，剩余 %d 个工作日。逾期未答复的，视为确认，相应医保基金将予以追回。

				疑点：%s
				涉及金额：%s 元

				请登录医保基金监管平台（机构端“疑点答复”）确认或提出申诉。
				""".formatted(s.providerCode(), deadlines.lastDayText(s.deadline()), deadlines.workingDaysLeft(s.deadline()),
				s.evidenceSummary(), s.amount().toPlainString()));
		return m;
	}
}
