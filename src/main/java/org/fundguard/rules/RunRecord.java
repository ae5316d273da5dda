package org.fundguard.rules;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A rule run as recorded, with one result per rule. */
public record RunRecord(String id, String requestedBy, String triggeredBy, String ruleFilter, String regions, LocalDate from,
		LocalDate to, String status, String message, OffsetDateTime startedAt, OffsetDateTime finishedAt, long hits,
		long suppressed, long leads, List<RuleResult> results) {

	/**
	 * One rule's outcome in a run: OK or FAILED with the reason; times in milliseconds: the rule's wall time, the sum
	 * of Elasticsearch's took for its requests, and the time its thread was blocked on those requests (sent to whole
	 * response received).
	 */
	public record RuleResult(String ruleId, int ruleVersion, String parameters, String status, long hits, long suppressed,
			long tookMs, long esTookMs, long esWaitMs, int esRequests, String message) {

		/** The share of the rule's time spent outside Elasticsearch by its took, in percent. */
		public long outsidePercent() {
			return percentOutside(tookMs, esTookMs);
		}

		/**
		 * The share of the rule's time in which its thread was not blocked on Elasticsearch, in percent: Java's own
		 * work. The difference to {@link #outsidePercent} is what took leaves out (transport, request parsing,
		 * response writing, bulk requests timed by a 200 ms clock).
		 */
		public long outsideWaitPercent() {
			return percentOutside(tookMs, esWaitMs);
		}
	}

	/** (total - inside) / total in percent, 0 for a zero total. */
	public static long percentOutside(long total, long inside) {
		return total == 0 ? 0 : Math.max(0, Math.round(100.0 * (total - inside) / total));
	}

	public RuleResult result(String ruleId) {
		return results.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst().orElse(null);
	}
}
