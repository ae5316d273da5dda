package org.fundguard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A command's context runs with the profile {@code command}, which the scheduling and the checks' start-up snapshot
 * leave out (architecture.ScheduledWorkTest holds the other side of the name).
 */
class CommandApplicationTest {

	@Test
	void aCommandRunsWithTheCommandProfile() {
		assertThat(FundGuardApplication.commandApplication().application().getAdditionalProfiles()).containsExactly("command");
	}
}
