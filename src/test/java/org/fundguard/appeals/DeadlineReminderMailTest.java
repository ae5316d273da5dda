package org.fundguard.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.fundguard.calendar.Deadlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The reminder goes to the institution's configured address over real SMTP (GreenMail), in Chinese. */
class DeadlineReminderMailTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	static final String CODE = "H37030300001";

	SignalReview review = mock(SignalReview.class);
	Deadlines deadlines = mock(Deadlines.class);

	IssuedSignal awaiting(String code) {
		OffsetDateTime deadline = OffsetDateTime.parse("2026-12-08T00:00:00+08:00");
		return new IssuedSignal("sig-1", "lead-1", "price-ceiling|S1|3|2026-10-01..2026-10-31", "k", code, "price-ceiling",
				new BigDecimal("120.50"), "超限价收费：单价超过限价", "analyst1", deadline.minusDays(14), deadline,
				SignalState.AWAITING, null, List.of(), null, null, null, null, null, null, null, null);
	}

	DeadlineReminders reminders(JavaMailSender sender, Map<String, String> contacts) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (sender != null) {
			beans.addBean("mailSender", sender);
		}
		return new DeadlineReminders(beans.getBeanProvider(JavaMailSender.class),
				new AppealsProperties(null, null, null, contacts, "fundguard@ybj.example"), deadlines, review);
	}

	@Test
	void theInstitutionsContactGetsTheReminderInChinese() throws Exception {
		when(review.get("sig-1")).thenReturn(awaiting(CODE));
		when(deadlines.lastDayText(any())).thenReturn("2026-12-07");
		when(deadlines.workingDaysLeft(any())).thenReturn(2);
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(smtp.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");

		String note = reminders(sender, Map.of(CODE, "yibao@h1.example")).remind("sig-1");

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("yibao@h1.example");
		assertThat(received[0].getSubject()).contains("疑点答复即将到期提醒");
		assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
		assertThat(received[0].getContent().toString()).contains("2026-12-07").contains("剩余 2 个工作日").contains("120.50")
			.contains(CODE);
		assertThat(note).isEqualTo("提醒已发送至 yibao@h1.example");
		verify(review).reminded("sig-1", note);
	}

	@Test
	void withoutAnAddressNothingIsSentAndTheNoteSaysSo() {
		when(review.get("sig-1")).thenReturn(awaiting("H99999999999"));
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(smtp.getSmtp().getPort());

		String note = reminders(sender, Map.of(CODE, "yibao@h1.example")).remind("sig-1");

		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(note).contains("未配置机构联系邮箱");
		verify(review).reminded(eq("sig-1"), eq(note));
	}
}
