package org.fundguard.rules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A rule run as recorded, with one result per rule. */
public record RunRecord(String id, String requestedBy, String triggeredBy, String ruleFilter, String regions, LocalDate from,
		LocalDate to, String status, String message, OffsetDateTime startedAt, OffsetDateTime finishedAt, long hits,
		long suppressed, long leads, List<RuleResult> results) {

	/** One rule's outcome in a run: OK or FAILED with the reason; times in milliseconds. */
	public record RuleResult(String ruleId, int ruleVersion, String parameters, String status, long hits, long suppressed,
			long tookMs, long esTookMs, int esRequests, String message) {

		/** The share of the rule's time spent outside Elasticsearch, in percent. */
		public long outsidePercent() {
			return tookMs == 0 ? 0 : Math.max(0, Math.round(100.0 * (tookMs - esTookMs) / tookMs));
		}
	}

	public RuleResult result(String ruleId) {
		return results.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElse(null);
	}
}
