package org.fundguard.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.elastic.ElasticJson;
import org.springframework.stereotype.Component;

/**
 * Groups the signals of a window into one lead per party, from the signals index (so that a run of one rule keeps the
 * other rules' signals in the lead): a composite aggregation by party, paged.
 */
@Component
class LeadGrouping {

	private final ElasticJson elastic;
	private final SignalIndex signals;
	private final Leads leads;
	private final RuleCatalogue catalogue;

	LeadGrouping(ElasticJson elastic, SignalIndex signals, Leads leads, RuleCatalogue catalogue) {
		this.elastic = elastic;
		this.signals = signals;
		this.leads = leads;
		this.catalogue = catalogue;
	}

	/** Writes the window's leads and returns how many there are. */
	long group(Window window, String runId) {
		long[] count = { 0 };
		String query = Q.filter("{\"term\":{\"window_from\":\"" + window.from() + "\"}}",
				"{\"term\":{\"window_to\":\"" + window.to() + "\"}}");
		new Searches(elastic).composite(signals.alias(), query,
				"[{\"t\":{\"terms\":{\"field\":\"party_type\"}}},{\"k\":{\"terms\":{\"field\":\"party_key\"}}}]",
				"{\"open\":{\"filter\":{\"term\":{\"suppressed\":false}},\"aggs\":{\"money\":{\"sum\":{\"field\":\"money\"}},"
						+ "\"rules\":{\"terms\":{\"field\":\"rule_id\",\"size\":50}}}}}",
				b -> {
					if (save(b, window, runId)) {
						count[0]++;
					}
				});
		leads.deleteOthers(window, runId);
		return count[0];
	}

	private boolean save(JsonNode b, Window window, String runId) {
		long open = b.at("/open/doc_count").asLong();
		if (open == 0) {
			return false; // every signal of this party is exempted: kept and counted, but no lead
		}
		Map<RuleDefinition, Long> byRule = new LinkedHashMap<>();
		TreeSet<String> ids = new TreeSet<>();
		for (JsonNode r : b.at("/open/rules/buckets")) {
			ids.add(r.path("key").asText());
			catalogue.find(r.path("key").asText()).ifPresent(def -> byRule.put(def, r.path("doc_count").asLong()));
		}
		double money = b.at("/open/money/value").asDouble();
		String type = b.at("/key/t").asText();
		String key = b.at("/key/k").asText();
		leads.save(Lead.id(type, key, window), type, key, window, runId, open, b.path("doc_count").asLong() - open,
				String.join(",", ids), money, Lead.riskScore(byRule, money));
		return true;
	}
}
