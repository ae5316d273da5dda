package org.fundguard.checks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.elastic.ElasticsearchProperties;
import org.fundguard.rules.CheckSnapshot;
import org.fundguard.rules.ProspectiveSettlement;
import org.fundguard.rules.SignalSearch;
import org.fundguard.rules.Window;

/**
 * A loaded settlement as the prospective settlement an institution would have sent before billing it, and what the
 * batch rules raised on it in a run over a window: the yardstick of the pre-settlement check in its IT and benchmark.
 * Compared per rule by number of hits (a rule raises one hit per settlement + item, per day, per pair or per stay).
 */
public final class BatchComparison {

	private final ElasticJson elastic;
	private final ElasticsearchProperties es;
	private final SignalSearch search;

	public BatchComparison(ElasticJson elastic, ElasticsearchProperties es, SignalSearch search) {
		this.elastic = elastic;
		this.es = es;
		this.search = search;
	}

	/** The loaded settlement with its fee lines, as the request body of a check. */
	public ProspectiveSettlement prospective(String settlementId) {
		JsonNode s = search.settlement(settlementId);
		if (s == null) {
			throw new IllegalArgumentException("no settlement " + settlementId);
		}
		List<ProspectiveSettlement.Line> lines = new ArrayList<>();
		for (JsonNode l : search.lines(settlementId)) {
			lines.add(new ProspectiveSettlement.Line(l.path("item_code").asText(), new BigDecimal(l.path("quantity").asText()),
					new BigDecimal(l.path("unit_price").asText()), new BigDecimal(l.path("amount").asText()),
					LocalDate.parse(l.path("item_time").asText().substring(0, 10))));
		}
		return new ProspectiveSettlement(s.path("person_id").asText(), s.path("provider_code").asText(), s.path("med_type").asText(),
				List.of(s.path("diag_code").asText()), LocalDate.parse(s.path("visit_start").asText()),
				LocalDate.parse(s.path("visit_end").asText()), lines);
	}

	/**
	 * What the check's rules raised on the settlement in the run over {@code window}, rule → hits: the signals whose
	 * subject is the settlement (or one of its items, days or pairs), and the overlapping stays naming it.
	 */
	public Map<String, Integer> batch(String settlementId, Window window) {
		String query = "{\"size\":1000,\"_source\":[\"rule_id\",\"subject_key\"],\"query\":{\"bool\":{\"filter\":["
				+ "{\"terms\":{\"rule_id\":" + json(CheckSnapshot.RULES) + "}},"
				+ "{\"term\":{\"settlement_ids\":\"" + settlementId + "\"}},"
				+ "{\"term\":{\"window_from\":\"" + window.from() + "\"}},{\"term\":{\"window_to\":\"" + window.to() + "\"}}]}}}";
		Map<String, Integer> out = new TreeMap<>();
		for (JsonNode hit : elastic.send("POST", "/" + es.name("signals") + "/_search", query).path("hits").path("hits")) {
			String rule = hit.at("/_source/rule_id").asText();
			String subject = hit.at("/_source/subject_key").asText();
			// outpatient-during-stay names the stay too; only the visit is its subject
			if (rule.equals("overlapping-stays") || subject.equals(settlementId) || subject.startsWith(settlementId + "|")) {
				out.merge(rule, 1, Integer::sum);
			}
		}
		return out;
	}

	/** The check's answer (its hits' rule ids) counted the same way. */
	public static Map<String, Integer> count(List<String> ruleIds) {
		Map<String, Integer> out = new TreeMap<>();
		ruleIds.forEach(r -> out.merge(r, 1, Integer::sum));
		return out;
	}

	private static String json(List<String> values) {
		return values.stream().map(v -> "\"" + v + "\"").reduce((a, b) -> a + "," + b).map(v -> "[" + v + "]").orElse("[]");
	}
}
