package org.fundguard.rules;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.claims.ClaimsSchema.FeeLines;
import org.fundguard.claims.ClaimsSchema.Settlements;
import org.fundguard.elastic.ElasticJson;
import org.springframework.stereotype.Component;

/** Reading signals and claims for the pages and the API: a lead's evidence, a settlement's lines, the chart. */
@Component
public class SignalSearch {

	static final int EVIDENCE_SHOWN = 500;

	private final ElasticJson elastic;
	private final ClaimIndices claims;
	private final SignalIndex signals;

	SignalSearch(ElasticJson elastic, ClaimIndices claims, SignalIndex signals) {
		this.elastic = elastic;
		this.claims = claims;
		this.signals = signals;
	}

	/** Both the claims read here and the signals, created empty when missing: before any load or run there are none. */
	private void ensure() {
		claims.ensureReadable();
		signals.ensure();
	}

	/** The signals of a lead (up to 500), most money first, as other modules read them. */
	public List<Signal> evidenceOf(String leadId) {
		return ofLead(leadId).stream().map(Signal::of).toList();
	}

	/**
	 * The signals of a lead that stand (not suppressed by an exemption or a void finding), most money first: what may
	 * be issued to its institution.
	 */
	public List<Signal> standingEvidenceOf(String leadId) {
		return ofLead(leadId).stream().filter(s -> !s.path("suppressed").asBoolean(false)).map(Signal::of).toList();
	}

	/**
	 * One provider's signals (not suppressed, up to 500, most money first) of some rules over a period: those of runs
	 * whose window overlaps it, with evidence dated in its months (or undated). What an institution checks itself
	 * against in a self-inspection (自查自纠), read from the signals the rule runs wrote, so no rule is evaluated twice.
	 * A subject found by several overlapping runs is listed once.
	 */
	public List<Signal> ofProvider(String providerCode, java.util.Collection<String> ruleIds, java.time.LocalDate from,
			java.time.LocalDate to) {
		if (ruleIds.isEmpty()) {
			return List.of();
		}
		ensure();
		String months = "{\"range\":{\"month\":{\"gte\":\"" + YearMonth.from(from) + "\",\"lte\":\"" + YearMonth.from(to)
				+ "\"}}}";
		String query = Q.filter(Q.term("party_type", "provider"), Q.term("party_key", providerCode), Q.terms("rule_id", ruleIds),
				Q.term("suppressed", false), Q.onOrBefore("window_from", to), Q.onOrAfter("window_to", from),
				Q.anyOf(List.of(months, "{\"bool\":{\"must_not\":[" + Q.exists("month") + "]}}")));
		JsonNode r = new Searches(elastic).search(signals.alias(), "{\"size\":" + EVIDENCE_SHOWN + ",\"query\":" + query
				+ ",\"sort\":[{\"money\":\"desc\"},{\"rule_id\":\"asc\"},{\"subject_key\":\"asc\"}]}");
		Map<String, Signal> out = new LinkedHashMap<>();
		r.path("hits").path("hits").forEach(h -> {
			Signal signal = Signal.of(h.path("_source"));
			out.putIfAbsent(signal.ruleId() + "|" + signal.subjectKey(), signal);
		});
		return List.copyOf(out.values());
	}

	/** The signals of a lead (up to 500), most money first, as stored: for the rules' own pages and API. */
	List<JsonNode> ofLead(String leadId) {
		ensure();
		JsonNode r = new Searches(elastic).search(signals.alias(), "{\"size\":" + EVIDENCE_SHOWN + ",\"query\":"
				+ Q.filter(Q.term("lead_id", leadId)) + ",\"sort\":[{\"money\":\"desc\"},{\"subject_key\":\"asc\"}]}");
		List<JsonNode> out = new ArrayList<>();
		r.path("hits").path("hits").forEach(h -> out.add(h.path("_source")));
		return out;
	}

	/** A settlement document, or null. */
	public JsonNode settlement(String id) {
		JsonNode r = new Searches(elastic).search(claims.settlements(),
				"{\"size\":1,\"query\":" + Q.filter(Q.term(Settlements.SETTLEMENT_ID, id)) + "}");
		JsonNode hits = r.path("hits").path("hits");
		return hits.isEmpty() ? null : hits.get(0).path("_source");
	}

	/** A settlement's fee lines in line order. */
	public List<JsonNode> lines(String settlementId) {
		List<JsonNode> out = new ArrayList<>();
		new Searches(elastic).scan(claims.claims(), Q.filter(Q.term(FeeLines.SETTLEMENT_ID, settlementId)),
				Q.ascending(FeeLines.LINE_NO),
				Q.fields(FeeLines.LINE_NO, FeeLines.ITEM_TIME, FeeLines.ITEM_CODE, FeeLines.ITEM_NAME, FeeLines.ITEM_TAGS,
						FeeLines.QUANTITY, FeeLines.UNIT_PRICE, FeeLines.AMOUNT, FeeLines.PRICE_CEILING, FeeLines.MAX_QTY_PER_VISIT,
						FeeLines.DIAG_ALLOWED),
				out::add);
		return out;
	}

	/** Signals (not suppressed) by rule and month: rule → month → count, from a paged composite aggregation. */
	public Map<String, Map<String, Long>> byRuleAndMonth() {
		ensure();
		Map<String, Map<String, Long>> out = new TreeMap<>();
		new Searches(elastic).composite(signals.alias(), Q.filter(Q.term("suppressed", false)),
				"[{\"r\":{\"terms\":{\"field\":\"rule_id\"}}},{\"m\":{\"terms\":{\"field\":\"month\",\"missing_bucket\":true}}}]", null,
				b -> out.computeIfAbsent(b.at("/key/r").asText(), k -> new TreeMap<>())
					.merge(b.at("/key/m").isNull() ? "—" : b.at("/key/m").asText(), b.path("doc_count").asLong(), Long::sum));
		return out;
	}

	/**
	 * The signals (not suppressed) of one fund and of the institutions that treated its insured, by rule and month
	 * (rule → month → count), over the months {@code from} to {@code to}: what a focused inspection of the fund reads
	 * beside its expenditure (重点检查). A fund's signals have the fund ("region|type") as their party, an
	 * institution's its provider code.
	 */
	public Map<String, Map<String, Long>> byRuleAndMonthOfFund(String fund, java.util.Collection<String> providerCodes,
			YearMonth from, YearMonth to) {
		ensure();
		List<String> parties = new ArrayList<>();
		parties.add(Q.filter(Q.term("party_type", "fund"), Q.term("party_key", fund)));
		if (!providerCodes.isEmpty()) {
			parties.add(Q.filter(Q.term("party_type", "provider"), Q.terms("party_key", providerCodes)));
		}
		String query = Q.filter(Q.term("suppressed", false), Q.anyOf(parties),
				"{\"range\":{\"month\":{\"gte\":\"" + from + "\",\"lte\":\"" + to + "\"}}}");
		Map<String, Map<String, Long>> out = new TreeMap<>();
		new Searches(elastic).composite(signals.alias(), query,
				"[{\"r\":{\"terms\":{\"field\":\"rule_id\"}}},{\"m\":{\"terms\":{\"field\":\"month\"}}}]", null,
				b -> out.computeIfAbsent(b.at("/key/r").asText(), k -> new TreeMap<>())
					.merge(b.at("/key/m").asText(), b.path("doc_count").asLong(), Long::sum));
		return out;
	}

	/**
	 * The months of a chart, in order and without a gap: every month from the first with a signal to the last, those
	 * without any signal included (shown empty), so that the axis is time. Only the months that had signals, it had
	 * gone from 2026-10 straight to 2026-12 when the data ended in October and the peer rules, which judge the whole
	 * window, put their signals in the window's last month. Signals without a month come last.
	 */
	static List<String> months(Map<String, Map<String, Long>> chart) {
		TreeSet<YearMonth> months = new TreeSet<>();
		List<String> undated = new ArrayList<>();
		chart.values().forEach(m -> m.keySet().forEach(key -> {
			try {
				months.add(YearMonth.parse(key));
			}
			catch (DateTimeParseException e) {
				if (!undated.contains(key)) {
					undated.add(key);
				}
			}
		}));
		List<String> out = new ArrayList<>();
		if (!months.isEmpty()) {
			for (YearMonth m = months.first(); !m.isAfter(months.last()); m = m.plusMonths(1)) {
				out.add(m.toString());
			}
		}
		out.addAll(undated);
		return out;
	}

	static long max(Map<String, Map<String, Long>> chart) {
		return chart.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).max().orElse(0);
	}

	static Map<String, Long> totals(Map<String, Map<String, Long>> chart) {
		Map<String, Long> out = new LinkedHashMap<>();
		chart.forEach((rule, months) -> out.put(rule, months.values().stream().mapToLong(Long::longValue).sum()));
		return out;
	}
}
