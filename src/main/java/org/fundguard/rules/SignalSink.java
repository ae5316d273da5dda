package org.fundguard.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundguard.rules.Exemptions.Exemption;

/**
 * Turns one rule's hits into signal documents, bulk-indexed under deterministic ids (rule|subject|window), marking
 * those an exemption covers as suppressed; counts both.
 */
final class SignalSink {

	private static final int BULK = 1000;
	private static final ObjectMapper JSON = new ObjectMapper();

	private final Searches es;
	private final String index;
	private final RuleDefinition rule;
	private final Window window;
	private final List<String> regions;
	private final String runId;
	private final Map<String, Exemption> exemptions;
	private final StringBuilder bulk = new StringBuilder();
	private int pending;
	private final java.util.Set<String> previous = new java.util.HashSet<>();
	private final java.util.Set<String> written = new java.util.HashSet<>();
	long hits;
	long suppressed;
	/** Signals found void on appeal, by "signal id#evidence key" ({@link SignalExemptions}). */
	private java.util.Set<String> voided = java.util.Set.of();

	SignalSink(Searches es, String index, RuleDefinition rule, Window window, List<String> regions, String runId,
			Map<String, Exemption> exemptions) {
		this.es = es;
		this.index = index;
		this.rule = rule;
		this.window = window;
		this.regions = regions;
		this.runId = runId;
		this.exemptions = exemptions;
	}

	void voided(java.util.Set<String> voidSignals) {
		this.voided = voidSignals;
	}

	static String id(String ruleId, String subjectKey, Window window) {
		return ruleId + "|" + subjectKey + "|" + window;
	}

	void accept(Hit hit) {
		Exemption exemption = exemptions.get(rule.id() + "|" + hit.subjectKey());
		if (exemption == null) {
			exemption = exemptions.get(rule.id() + "|" + hit.partyKey());
		}
		String id = id(rule.id(), hit.subjectKey(), window);
		boolean isVoid = exemption == null && !voided.isEmpty()
				&& voided.contains(SignalExemptions.key(id, SignalExemptions.evidenceKey(hit.lineRefs(), hit.settlementIds())));
		boolean suppress = exemption != null || isVoid;
		ObjectNode doc = JSON.createObjectNode();
		doc.put("run_id", runId).put("rule_id", rule.id()).put("rule_version", rule.version()).put("severity", rule.severity())
			.put("subject_type", rule.subjectType()).put("subject_key", hit.subjectKey()).put("party_type", hit.partyType())
			.put("party_key", hit.partyKey()).put("lead_id", Lead.id(hit.partyType(), hit.partyKey(), window))
			.put("window_from", window.from().toString()).put("window_to", window.to().toString())
			.put("month", hit.month()).put("measured", hit.measured()).put("threshold", hit.threshold())
			.put("description", hit.description()).put("money", hit.money()).put("suppressed", suppress)
			.put("exemption_id", exemption == null ? null : exemption.id()).put("detected_at", Instant.now().toString());
		regions.forEach(doc.putArray("regions")::add);
		hit.settlementIds().forEach(doc.putArray("settlement_ids")::add);
		hit.lineRefs().forEach(doc.putArray("line_refs")::add);
		written.add(id);
		try {
			bulk.append("{\"index\":{\"_id\":").append(JSON.writeValueAsString(id))
				.append("}}\n").append(JSON.writeValueAsString(doc)).append('\n');
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
		if (!suppress) {
			hits++;
		}
		else {
			suppressed++;
		}
		if (++pending >= BULK) {
			flush();
		}
	}

	void flush() {
		if (pending == 0) {
			return;
		}
		es.bulk(index, bulk.toString());
		bulk.setLength(0);
		pending = 0;
	}

	/**
	 * The ids of this rule's signals of the window as they were before this run, taken before it writes any: what
	 * is not found again is deleted afterwards by {@link #deleteStale}, with no refresh in between.
	 */
	void rememberPrevious(PreviousSignals before) {
		previous.addAll(before.take(es, rule.id()));
	}

	/** Deletes this rule's signals of the window that this run did not find again (stale after a parameter change). */
	long deleteStale() {
		previous.removeAll(written);
		StringBuilder deletes = new StringBuilder();
		int n = 0;
		for (String id : previous) {
			try {
				deletes.append("{\"delete\":{\"_id\":").append(JSON.writeValueAsString(id)).append("}}\n");
			}
			catch (JsonProcessingException e) {
				throw new IllegalStateException(e);
			}
			if (++n % BULK == 0) {
				es.bulk(index, deletes.toString());
				deletes.setLength(0);
			}
		}
		if (deletes.length() > 0) {
			es.bulk(index, deletes.toString());
		}
		return previous.size();
	}
}
