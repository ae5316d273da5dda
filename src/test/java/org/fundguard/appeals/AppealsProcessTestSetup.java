package org.fundguard.appeals;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fundguard.rules.Signal;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.fundguard.support.MutableClock;

/**
 * signal-review.bpmn on the application's own engine and modules (in-memory H2, no job executor: the tests execute the
 * timers), with a clock the tests move, and leads given by the test instead of the signals index.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:appeals-process;DB_CLOSE_DELAY=-1",
		// one user for H2, whatever owner and role the environment names for PostgreSQL
		"spring.datasource.username=sa", "spring.datasource.password=", "spring.flyway.user=sa", "spring.flyway.password=",
		"camunda.bpm.job-execution.enabled=false", "fundguard.data-dir=${java.io.tmpdir}/fundguard-appeals-process-test" })
@Import(AppealsProcessTestSetup.TestBeans.class)
@RecordApplicationEvents
@interface AppealsProcessTestSetup {

	/** Monday 23 November 2026, 10:00 in Zibo: inside the working calendar. */
	Instant START = Instant.parse("2026-11-23T02:00:00Z");

	@TestConfiguration
	class TestBeans {
		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}

		@Bean
		@Primary
		GivenLeads givenLeads() {
			return new GivenLeads();
		}
	}

	/** Leads the test gives: party and signals. */
	final class GivenLeads implements LeadSignals {

		private final Map<String, Party> parties = new HashMap<>();
		private final Map<String, List<Signal>> signals = new HashMap<>();

		void give(String leadId, String partyType, String partyKey, Signal... given) {
			parties.put(leadId, new Party(partyType, partyKey));
			signals.put(leadId, new ArrayList<>(List.of(given)));
		}

		@Override
		public Optional<Party> partyOf(String leadId) {
			return Optional.ofNullable(parties.get(leadId));
		}

		@Override
		public List<Signal> standingSignals(String leadId) {
			return signals.getOrDefault(leadId, List.of());
		}
	}
}
