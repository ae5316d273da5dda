package org.fundguard.rules;

/**
 * Published when a rules run has grouped its leads (status COMPLETED or COMPLETED_WITH_FAILURES), after the run's
 * record is written: the cases module may open cases from the run's leads.
 */
public record RuleRunFinished(String runId, String status) {
}
