package org.fundguard.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** The scheduled run of the whole catalogue, when {@code fundguard.rules.schedule} is a cron expression. */
@Configuration
class RulesSchedule {

	private final RuleEngine engine;
	private final RulesProperties properties;
	private final Clock clock;

	RulesSchedule(RuleEngine engine, RulesProperties properties, Clock clock) {
		this.engine = engine;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Once across nodes: two runs of one window would write the same signals twice over and group leads twice. At
	 * least 5 minutes, so that a node whose clock is a little late does not start the same run again after a quick
	 * one; at most 3 hours, after which a node that died mid-run no longer holds the next day's run back.
	 */
	@Scheduled(cron = "${fundguard.rules.schedule:-}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "rules-catalogue", lockAtMostFor = "PT3H", lockAtLeastFor = "PT5M")
	public void runCatalogue() {
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
		LocalDate from = today.withDayOfMonth(1).minusMonths(properties.scheduledMonths());
		engine.run(new RunRequest(null, new Window(from, today.minusDays(1)), null, "schedule", "SCHEDULE"));
	}
}
