package org.fundguard.inspections;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.fundguard.claims.ClaimsDirectory;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.institutions.ProviderAgreements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The directory of institutions that may be inspected (检查对象名录库): the designated institutions of the last
 * loads, as the claims module's directory gives them, narrowed to a plan's scope. Institutions whose agreement is
 * suspended or terminated (in the export, or by a measure in force) are not drawn; they are listed as excluded instead.
 */
@Service
public class InspectionDirectory {

	private final ClaimsDirectory directory;
	private final ProviderAgreements agreements;
	private final Jurisdiction jurisdiction;
	private final JdbcClient jdbc;
	private final InspectionsProperties properties;
	private final List<DrawWeights> drawWeights;

	InspectionDirectory(ClaimsDirectory directory, ProviderAgreements agreements, Jurisdiction jurisdiction, JdbcClient jdbc,
			InspectionsProperties properties, List<DrawWeights> drawWeights) {
		this.drawWeights = drawWeights;
		this.directory = directory;
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
		Map<String, Long> weights = new HashMap<>(scope.riskWeighted() ? riskWeights() : Map.of());
		for (DrawWeights extra : drawWeights) {
			extra.factorsOn(day).forEach((code, factor) -> weights.merge(code, Math.max(1, factor), (w, f) -> w * f));
		}
		List<DirectoryEntry> entries = new ArrayList<>();
		List<PublishedDraw.Excluded> excluded = new ArrayList<>();
		List<String> regions = scope.regions().isEmpty() ? jurisdiction.regionPrefixes() : scope.regions();
		for (ClaimsDirectory.Provider p : directory.providersIn(regions, scope.providerTypes(), scope.levels())) {
			String region = Objects.requireNonNullElse(p.region(), "");
			if (!jurisdiction.covers(region)) {
				continue; // a plan's regions narrow the jurisdiction, never widen it
			}
			String code = p.code();
			String type = Objects.requireNonNullElse(p.type(), "");
			String level = Objects.requireNonNullElse(p.level(), "");
			String status = Objects.requireNonNullElse(p.agreementStatus(), "active");
			String name = Objects.requireNonNullElse(p.name(), "");
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
}
