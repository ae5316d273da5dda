package org.fundguard.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the signals of a run's rules and window as they were before the run, read once per run (with the
 * first rule's requests, so that its time is counted) rather than once per rule: sixteen small searches cost
 * sixteen round trips for a few thousand ids. Each rule takes its own before it writes any signal.
 */
final class PreviousSignals {

	private final String index;
	private final List<String> ruleIds;
	private final Window window;
	private Map<String, Set<String>> byRule;

	PreviousSignals(String index, List<String> ruleIds, Window window) {
		this.index = index;
		this.ruleIds = ruleIds;
		this.window = window;
	}

	/** The rule's signal ids before the run; the first call reads those of every rule of the run. */
	Set<String> take(Searches es, String ruleId) {
		if (byRule == null) {
			Map<String, Set<String>> read = new HashMap<>();
			String query = Q.filter(Q.terms("rule_id", ruleIds), "{\"term\":{\"window_from\":\"" + window.from() + "\"}}",
					"{\"term\":{\"window_to\":\"" + window.to() + "\"}}");
			JsonIds.scanIds(es, index, query, "[{\"rule_id\":\"asc\"},{\"subject_key\":\"asc\"}]",
					id -> read.computeIfAbsent(ruleOf(id), r -> new HashSet<>()).add(id));
			byRule = read;
		}
		Set<String> ids = byRule.remove(ruleId);
		return ids == null ? new HashSet<>() : ids;
	}

	/** Signal ids are rule|subject|window, and rule ids have no bar. */
	static String ruleOf(String signalId) {
		return signalId.substring(0, signalId.indexOf('|'));
	}
}
