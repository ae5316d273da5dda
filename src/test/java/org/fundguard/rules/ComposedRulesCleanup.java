package org.fundguard.rules;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Takes a test's composed rules out of the library afterwards: the ITs share one database (PostgreSQL under CI, kept
 * between runs), and every run of all rules (RuleQualityIT, the benchmark) would otherwise run them too.
 */
final class ComposedRulesCleanup {

	private ComposedRulesCleanup() {
	}

	static void remove(JdbcClient jdbc, ApplicationEventPublisher events, String prefix) {
		jdbc.sql("delete from rule_version where rule_id like ?").param(prefix + "%").update();
		events.publishEvent(new RulePublished(prefix, 0));
	}
}
