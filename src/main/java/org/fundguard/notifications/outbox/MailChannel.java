package org.fundguard.notifications.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.fundguard.notifications.MailProperties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sends one outbox row as a plain-text mail in Chinese, with the row's own Message-ID. */
public class MailChannel {

	private final MailProperties mail;
	private final String baseUrl;
	private final JavaMailSenderImpl sender;

	public MailChannel(MailProperties mail, String baseUrl) {
		this.mail = mail;
		this.baseUrl = baseUrl;
		this.sender = new JavaMailSenderImpl();
		sender.setHost(mail.host());
		sender.setPort(mail.port());
		sender.setDefaultEncoding("UTF-8");
		if (mail.username() != null && !mail.username().isBlank()) {
			sender.setUsername(mail.username());
			sender.setPassword(mail.password());
		}
		Properties p = sender.getJavaMailProperties();
		String millis = String.valueOf(mail.timeout().toMillis());
		p.put("mail.smtp.connectiontimeout", millis);
		p.put("mail.smtp.timeout", millis);
		p.put("mail.smtp.writetimeout", millis);
		p.put("mail.smtp.auth", String.valueOf(mail.username() != null && !mail.username().isBlank()));
		p.put("mail.smtp.starttls.enable", String.valueOf(mail.starttls()));
		p.put("mail.smtp.starttls.required", String.valueOf(mail.starttls()));
	}

	public boolean configured() {
		return mail.configured();
	}

	public void send(Outbox.Row row) throws MessagingException {
		MimeMessage m = new FixedIdMessage(sender.getSession(), row.messageId(mail.messageIdDomain()));
		m.setFrom(new InternetAddress(mail.from()));
		m.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(row.address()));
		m.setSubject("【医保基金监管】" + row.title(), StandardCharsets.UTF_8.name());
		m.setSentDate(Date.from(row.createdAt().toInstant()));
		String link = row.link() == null ? "" : "\n\n查看详情：" + baseUrl + row.link();
		m.setText(row.body() + link + "\n\n（本邮件由医保基金监管平台自动发送，请勿直接回复。可在平台“通知设置”中退订邮件通知。）",
				StandardCharsets.UTF_8.name());
		sender.send(m);
	}

	/** Jakarta Mail writes a fresh Message-ID on every save; this keeps the row's. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String id;

		FixedIdMessage(Session session, String id) {
			super(session);
			this.id = id;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", id);
		}
	}
}
