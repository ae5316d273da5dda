package org.fundguard.dashboard;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fundguard.elastic.VersionedIndices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signals and leads per rule and month over the twelve months up to the dashboard's month. Signals are counted in
 * Elasticsearch by an aggregation (those not suppressed; a signal's month is its evidence's, or its window's last
 * month when undated); leads in the database, once for each rule among theirs, by the last month of their window.
 */
@Component
class SignalsByRule {

	/** The rules' index, read by aggregation only; its documents are the rules module's. */
	static final String SIGNALS = "signals";

	record Count(String ruleId, YearMonth month, long signals, long leads) {
	}

	private final Aggregations es;
	private final VersionedIndices indices;
	private final JdbcClient jdbc;

	SignalsByRule(Aggregations es, VersionedIndices indices, JdbcClient jdbc) {
		this.es = es;
		this.indices = indices;
		this.jdbc = jdbc;
	}

	/** Rule → month → count, for the twelve months ending with {@code last}. */
	List<Count> upTo(YearMonth last) {
		YearMonth first = last.minusMonths(11);
		Map<String, Map<YearMonth, long[]>> counts = new TreeMap<>();
		String alias = indices.ensure(SIGNALS);
		String query = "{\"bool\":{\"filter\":[{\"term\":{\"suppressed\":false}}],\"minimum_should_match\":1,\"should\":["
				+ "{\"range\":{\"month\":{\"gte\":\"" + first + "\",\"lte\":\"" + last + "\"}}},"
				+ "{\"bool\":{\"must_not\":[{\"exists\":{\"field\":\"month\"}}],\"filter\":[{\"range\":{\"window_to\":{\"gte\":\""
				+ first.atDay(1) + "\",\"lte\":\"" + last.atEndOfMonth() + "\"}}}]}}]}}";
		es.composite(alias, query, "[" + Aggregations.terms("r", "rule_id")
				+ ",{\"m\":{\"terms\":{\"field\":\"month\",\"missing_bucket\":true}}}"
				+ ",{\"w\":{\"date_histogram\":{\"field\":\"window_to\",\"calendar_interval\":\"month\",\"format\":\"yyyy-MM\"}}}]", null,
				b -> {
					String m = b.at("/key/m").isNull() ? b.at("/key/w").asText() : b.at("/key/m").asText();
					counts.computeIfAbsent(b.at("/key/r").asText(), k -> new TreeMap<>())
						.computeIfAbsent(YearMonth.parse(m), k -> new long[2])[0] += b.path("doc_count").asLong();
				});
		jdbc.sql("""
				select rules, extract(year from window_to) y, extract(month from window_to) m, count(*) n from rule_lead
				where window_to >= ? and window_to <= ? group by rules, extract(year from window_to), extract(month from window_to)""")
			.params(first.atDay(1), last.atEndOfMonth())
			.query((rs, n) -> {
				YearMonth m = YearMonth.of(rs.getInt("y"), rs.getInt("m"));
				for (String rule : rs.getString("rules").split(",")) {
					if (!rule.isBlank()) {
						counts.computeIfAbsent(rule.strip(), k -> new TreeMap<>()).computeIfAbsent(m, k -> new long[2])[1] += rs.getLong("n");
					}
				}
				return m;
			})
			.list();
		return counts.entrySet().stream()
			.flatMap(r -> r.getValue().entrySet().stream().map(m -> new Count(r.getKey(), m.getKey(), m.getValue()[0], m.getValue()[1])))
			.toList();
	}
}
