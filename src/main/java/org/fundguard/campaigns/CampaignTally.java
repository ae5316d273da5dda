package org.fundguard.campaigns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds up a campaign's progress by the regions of its scope. An institution counts as covered once, whichever phase
 * reached it, and only when it is in scope; a fact about an institution outside the scope's regions (a case whose
 * institution moved) is shown under {@link #OTHER} rather than dropped, so the totals equal the recorded facts.
 */
final class CampaignTally {

	/** The row of facts whose region is none of the scope's. */
	static final String OTHER = "其他";

	record Row(String region, int inScope, int covered, BigDecimal refunds, int signals, int cases, int penalties,
			BigDecimal recovered) {

		Row plus(Row o) {
			return new Row(region, inScope + o.inScope, covered + o.covered, refunds.add(o.refunds), signals + o.signals,
					cases + o.cases, penalties + o.penalties, recovered.add(o.recovered));
		}

		static Row empty(String region) {
			return new Row(region, 0, 0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO);
		}
	}

	private final CampaignScope scope;
	private final Map<String, String> regionOfInstitution = new HashMap<>();
	private final Set<String> covered = new HashSet<>();
	private final Map<String, Row> rows = new LinkedHashMap<>();

	CampaignTally(CampaignScope scope) {
		this.scope = scope;
		scope.regions().stream().sorted().forEach(r -> rows.put(r, Row.empty(r)));
	}

	void inScope(String providerCode, String region) {
		if (regionOfInstitution.putIfAbsent(providerCode, regionKey(region)) == null) {
			add(regionKey(region), new Row(null, 1, 0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO));
		}
	}

	/** Reached by the self-inspection (it reported) or the inspection (its result is recorded). */
	void covered(String providerCode) {
		String region = regionOfInstitution.get(providerCode);
		if (region != null && covered.add(providerCode)) {
			add(region, new Row(null, 0, 1, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO));
		}
	}

	void refund(String providerCode, BigDecimal amount) {
		add(regionOfInstitution.getOrDefault(providerCode, OTHER), new Row(null, 0, 0, amount, 0, 0, 0, BigDecimal.ZERO));
	}

	void fact(CampaignStore.Kind kind, String region) {
		add(regionKey(region), new Row(null, 0, 0, BigDecimal.ZERO, kind == CampaignStore.Kind.SIGNAL ? 1 : 0,
				kind == CampaignStore.Kind.CASE ? 1 : 0, kind == CampaignStore.Kind.PENALTY ? 1 : 0, BigDecimal.ZERO));
	}

	void recovered(String region, BigDecimal amount) {
		add(regionKey(region), new Row(null, 0, 0, BigDecimal.ZERO, 0, 0, 0, amount));
	}

	/** The region of an institution in scope, by its code; for facts recorded with the code rather than a region. */
	String regionOfInstitution(String providerCode) {
		return regionOfInstitution.get(providerCode);
	}

	/** One row per scope region (in code order), then {@link #OTHER} when anything fell outside. */
	List<Row> byRegion() {
		return new ArrayList<>(rows.values());
	}

	Row total() {
		return rows.values().stream().reduce(Row.empty(null), Row::plus);
	}

	private String regionKey(String region) {
		return scope.regionOf(region).orElse(OTHER);
	}

	private void add(String region, Row delta) {
		rows.merge(region, Row.empty(region).plus(delta), Row::plus);
	}
}
