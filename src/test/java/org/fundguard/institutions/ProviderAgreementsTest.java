package org.fundguard.institutions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.LocalDate;

import org.fundguard.errors.Refused;
import org.fundguard.record.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A suspension whose period is missing or runs backwards is refused before anything is recorded. */
class ProviderAgreementsTest {

	private final JdbcClient jdbc = mock(JdbcClient.class);
	private final ProviderAgreements agreements = new ProviderAgreements(jdbc);

	@Test
	void aSuspensionNeedsAStartOnOrBeforeItsEnd() {
		LocalDate from = LocalDate.of(2026, 3, 1);

		assertThatThrownBy(() -> agreements.suspend("H37030300011", from, from.minusDays(1), "重复收费", "370300-2026-000001",
				Actor.SYSTEM)).isInstanceOfSatisfying(Refused.class, r -> {
					assertThat(r.reason()).isEqualTo(Refused.Reason.INVALID);
					assertThat(r.getMessage()).isEqualTo("暂停协议需要有效的起止日期，起日不晚于止日");
				});
		assertThatThrownBy(() -> agreements.suspend("H37030300011", from, null, "重复收费", "370300-2026-000001", Actor.SYSTEM))
			.isInstanceOf(Refused.class);
		assertThatThrownBy(() -> agreements.suspend("H37030300011", null, from, "重复收费", "370300-2026-000001", Actor.SYSTEM))
			.isInstanceOf(Refused.class);
		verifyNoInteractions(jdbc);
	}
}
