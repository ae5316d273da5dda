package org.fundguard.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;

/**
 * The reminder is announced for the notifications' outbox with the institution's contact address (the mail itself,
 * over real SMTP, is NotificationsIT's), and the note kept with the signal says where it went.
 */
class DeadlineRemindersTest {

	static final String CODE = "H37030300001";

	SignalReview review = mock(SignalReview.class);
	List<Object> published = new ArrayList<>();

	IssuedSignal signal(String code, SignalState state) {
		OffsetDateTime deadline = OffsetDateTime.parse("2026-12-08T00:00:00+08:00");
		return new IssuedSignal("sig-1", "lead-1", "price-ceiling|S1|3|2026-10-01..2026-10-31", "k", code, "price-ceiling",
				new BigDecimal("120.50"), "超限价收费：单价超过限价", "analyst1", deadline.minusDays(14), deadline,
				state, null, List.of(), null, null, null, null, null, null, null, null);
	}

	DeadlineReminders reminders(Map<String, String> contacts) {
		return new DeadlineReminders(new AppealsProperties(null, null, null, contacts, "fundguard@ybj.example"), review,
				published::add);
	}

	@Test
	void theReminderIsAnnouncedWithTheInstitutionsContact() {
		when(review.get("sig-1")).thenReturn(signal(CODE, SignalState.AWAITING));

		String note = reminders(Map.of(CODE, "yibao@h1.example")).remind("sig-1");

		assertThat(published).singleElement().isInstanceOfSatisfying(AnswerReminderDue.class, e -> {
			assertThat(e.issuedSignalId()).isEqualTo("sig-1");
			assertThat(e.providerCode()).isEqualTo(CODE);
			assertThat(e.contactEmail()).isEqualTo("yibao@h1.example");
			assertThat(e.amount()).isEqualByComparingTo("120.50");
		});
		assertThat(note).contains("yibao@h1.example");
		verify(review).reminded("sig-1", note);
	}

	@Test
	void withoutAnAddressOnlyTheUsersAreToldAndTheNoteSaysSo() {
		when(review.get("sig-1")).thenReturn(signal("H99999999999", SignalState.AWAITING));

		String note = reminders(Map.of(CODE, "yibao@h1.example")).remind("sig-1");

		assertThat(published).singleElement().isInstanceOfSatisfying(AnswerReminderDue.class,
				e -> assertThat(e.contactEmail()).isNull());
		assertThat(note).contains("未配置机构联系邮箱");
		verify(review).reminded(eq("sig-1"), eq(note));
	}

	@Test
	void anAnsweredSignalIsNotReminded() {
		when(review.get("sig-1")).thenReturn(signal(CODE, SignalState.ACCEPTED));

		assertThat(reminders(Map.of(CODE, "yibao@h1.example")).remind("sig-1")).isNull();

		assertThat(published).isEmpty();
		verify(review, never()).reminded(ArgumentMatchers.any(), ArgumentMatchers.any());
	}
}
