package org.fundguard.rules;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What one rule evaluation sees: the rule, the window, the region prefixes, the parameters in force (numbers, and
 * lists of prefixes), the Elasticsearch requests (counted for the rule) and the run's shared results (e.g. the
 * provider profiles that the four peer rules share, the knowledge base).
 */
record Scope(RuleDefinition rule, Window window, List<String> regions, Map<String, Double> parameters,
		Map<String, List<String>> prefixes, Searches es, Map<String, Object> shared) {

	static Map<String, Object> newShared() {
		return new ConcurrentHashMap<>();
	}

	double param(String name) {
		Double v = parameters.get(name);
		if (v == null) {
			throw new IllegalStateException("rule " + rule.id() + " needs parameter " + name + ", which its file does not define");
		}
		return v;
	}

	/** A parameter that is a list of prefixes (e.g. diagnosis-code prefixes). */
	List<String> prefixes(String name) {
		List<String> v = prefixes.get(name);
		if (v == null) {
			throw new IllegalStateException("rule " + rule.id() + " needs parameter " + name + ", which its file does not define");
		}
		return v;
	}

	@SuppressWarnings("unchecked")
	<T> T shared(String key, Supplier<T> compute) {
		Object v = shared.get(key);
		if (v == null) {
			v = compute.get();
			shared.put(key, v);
		}
		return (T) v;
	}
}
