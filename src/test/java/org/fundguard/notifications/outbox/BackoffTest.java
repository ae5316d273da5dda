package org.fundguard.notifications.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

	Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(30));

	@Test
	void theWaitDoublesAfterEachFailure() {
		assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(40));
		assertThat(backoff.after(8)).isEqualTo(Duration.ofSeconds(1280));
	}

	@Test
	void neverLongerThanTheLongestWaitEvenAfterVeryManyFailures() {
		assertThat(backoff.after(9)).isEqualTo(Duration.ofMinutes(30));
		assertThat(backoff.after(64)).isEqualTo(Duration.ofMinutes(30));
		assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void zeroOrNegativeFailuresWaitTheFirst() {
		assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void aLongestWaitBelowTheFirstIsRefused() {
		assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofSeconds(1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
