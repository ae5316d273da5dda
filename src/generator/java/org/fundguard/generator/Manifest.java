package org.fundguard.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * manifest.json: what was generated and under which assumptions, so that a rule engine's results can be compared
 * with ground_truth.csv knowing the jurisdiction, window and parameters the truth was computed for.
 */
final class Manifest {

	private Manifest() {
	}

	static void write(Path dir, GeneratorOptions o, ExportPeriod period, Map<String, Long> rows, long badRows,
			Map<String, Long> injected, Injections injections, KnowledgeBaseInjections knowledgeBase,
			long partialYearDeficits, Map<String, String> edgeCases, PeerOutliers peers, FundSteering steering,
			FundLedger ledger, List<String> notes) throws IOException {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", "FundGuard interchange version 1.1");
		m.put("generator", "fundguard generate (org.fundguard.generator)");
		m.put("seed", o.seed());
		m.put("persons", o.persons());
		m.put("months", o.months());
		m.put("period", ordered("start", period.first().toString(), "end", period.last().toString()));
		m.put("badRowRate", o.badRowRate());
		m.put("jurisdictionPrefix", ProviderDirectory.JURISDICTION);
		m.put("window", "the whole period");
		m.put("ruleParameters", parameters());
		Map<String, Object> files = new LinkedHashMap<>();
		rows.forEach((file, n) -> files.put(file, n));
		files.put("ground_truth.csv", injected.values().stream().mapToLong(Long::longValue).sum());
		if (badRows > 0) {
			files.put("expected_rejects.csv", badRows);
		}
		m.put("rows", files);
		m.put("invalidRows", badRows);
		if (badRows > 0) {
			m.put("expectedRejects", "expected_rejects.csv: file, row_number (the physical line, header = line 1), "
					+ "column, reason");
		}
		m.put("injected", injected);
		Map<String, Object> rates = new LinkedHashMap<>(injections.rates());
		rates.putAll(knowledgeBase.rates());
		m.put("injectionRates", rates);
		Map<String, Object> decoys = new LinkedHashMap<>(injections.decoys());
		decoys.putAll(knowledgeBase.decoys());
		decoys.put("partial calendar year of a jurisdiction fund with income below expenditure", partialYearDeficits);
		m.put("decoys", decoys);
		m.put("knowledgeBaseEdgeCases", edgeCases);
		List<Map<String, Object>> outliers = new ArrayList<>();
		for (PeerOutliers.Score s : peers.hits) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("rule", s.rule());
			e.put("provider", s.provider().code);
			e.put("peerGroup", s.provider().tier.type + " level " + s.provider().tier.level);
			e.put("value", round(s.value()));
			e.put("peerMedian", round(s.median()));
			e.put("z", round(s.z()));
			outliers.add(e);
		}
		m.put("peerOutliers", outliers);
		Map<String, Object> margins = new LinkedHashMap<>();
		peers.highestBackgroundZ.forEach((rule, z) -> margins.put(rule, Double.isInfinite(z) ? null : round(z)));
		m.put("highestBackgroundZ", margins);
		Map<String, Object> funds = new LinkedHashMap<>();
		funds.put("ledgerFunds", List.of("370300|310", "370300|390", "371300|310", "371300|390"));
		funds.put("growthCapOfBackground", FundSteering.CAP);
		funds.put("growthInjected", steering.injectedFund < 0 ? null
				: FundLedger.key(steering.injectedFund, steering.injectedMonth, period));
		funds.put("reserveDip", ledger.dipFund < 0 ? null : FundLedger.key(ledger.dipFund, ledger.dipMonth, period));
		funds.put("expenditure", "sum of fund_paid by insured_region (the pooling code itself) and the person's "
				+ "insurance_type, by month of settle_time; evaluated for every such fund, not only ledger funds");
		m.put("funds", funds);
		m.put("notes", notes);
		DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
			.withObjectIndenter(new DefaultIndenter("  ", "\n"))
			.withArrayIndenter(new DefaultIndenter("  ", "\n"));
		new ObjectMapper().writer(printer).writeValue(dir.resolve("manifest.json").toFile(), m);
	}

	private static Map<String, Object> parameters() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("dialysis-frequency", ordered("N", 3, "days", "distinct item_time dates with a dialysis-tagged line, per "
				+ "person and ISO week"));
		p.put("readmission", ordered("D", 15, "sameProvider", true, "diagPrefixLength", 3));
		p.put("price-over-ceiling", ordered("tolerance", "0.01"));
		p.put("peerOutliers", ordered("z", PeerOutliers.Z, "minSettlements", PeerOutliers.MIN_SETTLEMENTS, "minGroup",
				PeerOutliers.MIN_GROUP, "peers", "provider_type + level", "scored",
				"non-pharmacy providers whose region starts with the jurisdiction prefix"));
		p.put("expenditure-growth", ordered("P", FundLedger.GROWTH_PERCENT));
		p.put("reserve-months", ordered("M", FundLedger.RESERVE_MONTHS));
		String restricted = "the item's 1.1 columns in items.csv; settlements whose medical_region is in the jurisdiction";
		p.put("gender-restricted", ordered("restriction", "gender_only", "scope", restricted));
		p.put("age-restricted", ordered("restriction", "min_age, max_age (whole years at visit_start, inclusive)", "scope",
				restricted));
		p.put("med-type-restricted", ordered("restriction", "med_types", "scope", restricted));
		p.put("daily-frequency", ordered("restriction", "max_qty_per_day, per settlement, item and calendar day of "
				+ "item_time", "scope", restricted));
		p.put("exclusive-items", ordered("restriction", "exclusive_with, either side; the pair in code order", "scope",
				restricted));
		p.put("minor-illness-admission", ordered("prefixes", String.join(";", KnowledgeBase.MINOR_ILLNESS_PREFIXES),
				"scope", "inpatient settlements whose medical_region is in the jurisdiction"));
		p.put("split-outpatient", ordered("N", KnowledgeBase.SPLIT_N, "scope",
				"med_type 11 settlements whose medical_region is in the jurisdiction"));
		p.put("not-enrolled", ordered("scope", "settlements whose insured_region is in the jurisdiction",
				"coverage", "the settlement's own person record, [enroll_date, end_date] inclusive, open end"));
		p.put("enrolled-after-death", ordered("G", KnowledgeBase.DEATH_GRACE_DAYS, "scope",
				"persons whose insured_region is in the jurisdiction"));
		p.put("current-deficit", ordered("scope", "ledger regions in the jurisdiction; calendar years with all 12 months "
				+ "in fund_ledger.csv; income sum strictly below expenditure, in cents"));
		return p;
	}

	/** Map.of would iterate in an order that changes from one JVM run to the next. */
	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			m.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return m;
	}

	private static double round(double v) {
		return Math.round(v * 10_000) / 10_000.0;
	}
}
