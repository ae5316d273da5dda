package org.fundguard.penalties;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.fundguard.support.MutableClock;

/**
 * The penalty processes run on the application's own engine and modules (in-memory H2, no job executor: tests
 * execute timer jobs themselves), with a clock the tests move. camunda-bpm-assert checks the paths.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:penalty-process;DB_CLOSE_DELAY=-1",
		// one user for H2, whatever owner and role the environment names for PostgreSQL
		"spring.datasource.username=sa", "spring.datasource.password=", "spring.flyway.user=sa", "spring.flyway.password=",
		"camunda.bpm.job-execution.enabled=false", "fundguard.data-dir=${java.io.tmpdir}/fundguard-penalty-process-test" })
@Import(ProcessTestSetup.TestClock.class)
@interface ProcessTestSetup {

	/** Monday 23 November 2026, 10:00 in Zibo: inside the working calendar. */
	Instant START = Instant.parse("2026-11-23T02:00:00Z");

	@TestConfiguration
	class TestClock {
		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}
	}
}
