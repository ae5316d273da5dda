package org.fundguard.inspections;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.claims.ClaimIndices;
import org.fundguard.elastic.ElasticJson;
import org.fundguard.institutions.ProviderAgreements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The directory of institutions that may be inspected (检查对象名录库): the designated institutions of the last
 * loads, as the claims loader keeps them in the {@code providers} index, narrowed to a plan's scope. Institutions
 * whose agreement is suspended or terminated (in the export, or by a measure in force) are not drawn; they are
 * listed as excluded instead.
 */
@Service
public class InspectionDirectory {

	private static final int PAGE = 1000;

	private final ElasticJson elastic;
	private final ClaimIndices indices;
	private final ProviderAgreements agreements;
	private final Jurisdiction jurisdiction;
	private final JdbcClient jdbc;
	private final InspectionsProperties properties;

	InspectionDirectory(ElasticJson elastic, ClaimIndices indices, ProviderAgreements agreements, Jurisdiction jurisdiction,
			JdbcClient jdbc, InspectionsProperties properties) {
		this.elastic = elastic;
		this.indices = indices;
		this.agreements = agreements;
		this.jurisdiction = jurisdiction;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** A frozen directory: what may be drawn, and what is in scope but excluded, with the reason. */
	public record Snapshot(List<DirectoryEntry> entries, List<PublishedDraw.Excluded> excluded) {
	}

	public Snapshot freeze(PlanDraft scope, LocalDate day) {
		Set<String> restricted = agreements.restrictedOn(day);
		Map<String, Long> weights = scope.riskWeighted() ? riskWeights() : Map.of();
		List<DirectoryEntry> entries = new ArrayList<>();
		List<PublishedDraw.Excluded> excluded = new ArrayList<>();
		for (JsonNode p : providers()) {
			String code = p.path("provider_code").asText();
			String region = p.path("region").asText();
			String type = p.path("provider_type").asText();
			String level = p.path("level").asText("");
			if (!inScope(scope, region, type, level)) {
				continue;
			}
			String status = p.path("agreement_status").asText("active");
			String name = p.path("provider_name").asText();
			if (!status.equals("active")) {
				excluded.add(new PublishedDraw.Excluded(code, name, status.equals("suspended") ? "协议暂停（导出数据）" : "协议已解除（导出数据）"));
			}
			else if (restricted.contains(code)) {
				excluded.add(new PublishedDraw.Excluded(code, name, "协议暂停或解除（处理决定）"));
			}
			else {
				entries.add(new DirectoryEntry(code, name, type, level, region, weights.getOrDefault(code, 1L)));
			}
		}
		return new Snapshot(entries, excluded);
	}

	private boolean inScope(PlanDraft scope, String region, String type, String level) {
		boolean regionOk = scope.regions().isEmpty() ? jurisdiction.covers(region)
				: scope.regions().stream().anyMatch(region::startsWith) && jurisdiction.covers(region);
		return regionOk && (scope.providerTypes().isEmpty() || scope.providerTypes().contains(type))
				&& (scope.levels().isEmpty() || scope.levels().contains(level));
	}

	/**
	 * 1 + the rounded sum of the risk scores of the institution's open audit leads (which already count its
	 * signals, rules and money), at most the configured cap.
	 */
	Map<String, Long> riskWeights() {
		Map<String, Long> weights = new HashMap<>();
		jdbc.sql("select party_key, sum(risk_score) from rule_lead where party_type = 'provider' and status = 'OPEN' group by party_key")
			.query((rs, n) -> {
				long extra = java.math.BigDecimal.valueOf(rs.getDouble(2)).setScale(0, RoundingMode.HALF_UP).longValue();
				weights.put(rs.getString(1), 1 + Math.min(properties.riskWeightCap() - 1, Math.max(0, extra)));
				return null;
			})
			.list();
		return weights;
	}

	/** Every provider document, page by page in code order. */
	private List<JsonNode> providers() {
		List<JsonNode> all = new ArrayList<>();
		String after = null;
		while (true) {
			String body = "{\"size\":" + PAGE + ",\"sort\":[{\"provider_code\":\"asc\"}],\"_source\":[\"provider_code\","
					+ "\"provider_name\",\"provider_type\",\"region\",\"level\",\"agreement_status\"]"
					+ (after == null ? "" : ",\"search_after\":[" + new com.fasterxml.jackson.databind.node.TextNode(after) + "]") + "}";
			JsonNode response = elastic.send("POST", "/" + indices.providers() + "/_search", body);
			if (response == null) {
				return all;
			}
			JsonNode hits = response.path("hits").path("hits");
			hits.forEach(h -> all.add(h.path("_source")));
			if (hits.size() < PAGE) {
				return all;
			}
			after = hits.get(hits.size() - 1).path("_source").path("provider_code").asText();
		}
	}
}
