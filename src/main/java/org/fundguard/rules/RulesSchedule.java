package org.fundguard.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The scheduled run of the whole catalogue, when {@code fundguard.rules.schedule} is a cron expression. */
@Configuration
@EnableScheduling
class RulesSchedule {

	private final RuleEngine engine;
	private final RulesProperties properties;
	private final Clock clock;

	RulesSchedule(RuleEngine engine, RulesProperties properties, Clock clock) {
		this.engine = engine;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${fundguard.rules.schedule:-}", zone = "Asia/Shanghai")
	void runCatalogue() {
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		LocalDate from = today.withDayOfMonth(1).minusMonths(properties.scheduledMonths());
		engine.run(new RunRequest(null, new Window(from, today.minusDays(1)), null, "schedule", "SCHEDULE"));
	}
}
