package org.fundguard.generator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates an export: a population of insured persons in Zibo, Linyi and elsewhere, their care over the period
 * (outpatient visits, chronic-disease visits, dialysis, pharmacy purchases, hospital stays) at the institutions
 * of a directory, billed from a catalogue with payment limits, paid by the funds; plus injected cases of every
 * monitoring rule of domain.md, listed in ground_truth.csv, and a manifest.
 * <p>
 * The background is built not to trigger any rule, so that an exact implementation of the rules finds precisely
 * the ground truth: stays 20+ days apart, visits outside stays, dialysis on three fixed weekdays, lines within
 * their limits (checked per settlement by {@link SettlementCheck}), provider metrics steered to smooth peer
 * distributions ({@link Routing}, {@link ProcedurePlans}), fund expenditure steered below the growth threshold
 * ({@link FundSteering}) and reserves above it ({@link FundLedger}). Provider and fund rules are then evaluated on
 * the exact figures and any difference from the design is reported in the manifest's notes.
 * <p>
 * Determinism: all randomness comes from {@link Seeds}; nothing reads the clock; output follows generation order.
 * Memory: one person's plan at a time, plus per-provider and per-fund-month accumulators and per-(prefecture,
 * birth year, gender) id counters; so the heap does not grow with --persons. Three passes over the population
 * (plan, measure, write) trade time for that bound.
 */
final class Generator {

	record Result(Map<String, Long> rows, long truths, long badRows, List<String> notes) {
	}

	static final List<String> RULES = List.of("dialysis-frequency", "restricted-diagnosis", "outpatient-during-stay",
			"overlapping-stays", "after-death", "price-over-ceiling", "quantity-over-limit", "missing-procedure",
			"readmission", "hvmc-outlier", "genetic-test-outlier", "out-of-area-outlier", "admission-rate-outlier",
			"duplicate-enrollment", "expenditure-growth", "reserve-months", "gender-restricted", "age-restricted",
			"med-type-restricted", "daily-frequency", "exclusive-items", "minor-illness-admission", "split-outpatient",
			"not-enrolled", "enrolled-after-death", "current-deficit");

	private Generator() {
	}

	static Result generate(GeneratorOptions o, PrintStream progress) throws IOException {
		Path dir = o.out();
		Files.createDirectories(dir);
		// a list of rejects left by an earlier run into the same folder would describe rows that are not there
		Files.deleteIfExists(dir.resolve("expected_rejects.csv"));
		ExportPeriod period = new ExportPeriod(o.end(), o.months());
		ProviderDirectory directory = ProviderDirectory.build(o.seed(), o.persons());
		Simulation simulation = new Simulation(o, period, directory, progress);
		FundSteering unsteered = FundSteering.none(o.months());
		progress.print("generate: pass 1 of 3, planning care:");
		Simulation.Pass planned = simulation.run(Simulation.Mode.PLAN, null, unsteered, ExportSink.NONE);
		progress.print("generate: pass 2 of 3, billing to measure the funds:");
		Simulation.Pass measured = simulation.run(Simulation.Mode.BILL, planned.tally(), unsteered,
				ExportSink.NONE);
		FundSteering steering = FundSteering.plan(measured.book(), o.months(), Seeds.random(o.seed(), Seeds.FUNDS, 0));
		progress.print("generate: pass 3 of 3, writing " + dir + ":");
		Map<String, Long> rows = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		PeerOutliers peers;
		FundLedger ledger;
		Simulation.Pass written;
		Map<String, Long> truthCounts;
		long badRows;
		long partialYearDeficits;
		try (BadRows bad = new BadRows(o.badRowRate(), o.seed(), period, dir);
				ExportFiles files = new ExportFiles(dir, period, bad)) {
			rows.put("providers.csv", DirectoryFiles.providers(dir, directory, bad));
			rows.put("items.csv", DirectoryFiles.items(dir, bad));
			rows.put("inspectors.csv", DirectoryFiles.inspectors(dir, directory, o.seed()));
			written = simulation.run(Simulation.Mode.BILL, planned.tally(), steering, files);
			peers = PeerOutliers.evaluate(directory.providers, written.tally());
			for (PeerOutliers.Score s : peers.hits) {
				files.truth(s.rule(), s.provider().code, String.format("value %.4f vs peer median %.4f, robust z %.1f, %s "
						+ "level %s, %d scored", s.value(), s.median(), s.z(), s.provider().tier.type,
						s.provider().tier.level, s.peers()));
			}
			ledger = FundLedger.build(written.book(), period, steering, Seeds.random(o.seed(), Seeds.FUNDS, 1));
			for (FundLedger.Hit h : ledger.hits) {
				files.truth(h.rule(), h.key(), h.detail());
			}
			for (FundLedger.Hit h : KnowledgeBaseTruths.deficits(ledger, written.book(), period)) {
				files.truth(h.rule(), h.key(), h.detail());
			}
			partialYearDeficits = KnowledgeBaseTruths.partialYearDeficits(ledger, written.book(), period);
			rows.put("persons.csv", written.persons());
			rows.put("settlements.csv", written.settlements());
			rows.put("fee_items.csv", written.lines());
			rows.put("fund_ledger.csv", DirectoryFiles.ledger(dir, ledger, period));
			truthCounts = files.truthCounts;
			badRows = bad.count;
		}
		notes.addAll(differences(directory, peers, ledger, steering, period));
		Map<String, Long> injected = new LinkedHashMap<>();
		for (String rule : RULES) {
			long n = truthCounts.getOrDefault(rule, 0L);
			injected.put(rule, n);
			if (n == 0 && !(rule.equals("current-deficit") && !period.hasCompleteYear())) {
				boolean fundRule = rule.equals("expenditure-growth") || rule.equals("reserve-months");
				notes.add("no injected case of " + rule + (fundRule && o.months() < 13
						? ": the fund rules need 13 or more months"
						: rule.equals("current-deficit") ? ": no complete calendar year of a jurisdiction fund has income "
								+ "below expenditure (or the period holds no complete calendar year)"
								: ": the population or period is too small"));
			}
		}
		long truths = injected.values().stream().mapToLong(Long::longValue).sum();
		List<KnowledgeBaseEdgeCases.Case> cases = new KnowledgeBaseEdgeCases(period, directory).cases();
		Map<String, String> edgeCases = new LinkedHashMap<>();
		if (Population.included(o.persons(), cases)) {
			for (int i = 0; i < cases.size(); i++) {
				edgeCases.put(Population.craftedPersonId(o.persons(), cases, i), cases.get(i).name());
			}
		}
		Manifest.write(dir, o, period, rows, badRows, injected, written.injections(), written.knowledgeBase(),
				partialYearDeficits, edgeCases, peers, steering, ledger, notes);
		return new Result(rows, truths, badRows, notes);
	}

	/** Where the exact evaluation of the provider and fund rules differs from what was designed. */
	private static List<String> differences(ProviderDirectory directory, PeerOutliers peers, FundLedger ledger,
			FundSteering steering, ExportPeriod period) {
		List<String> notes = new ArrayList<>();
		Set<String> designed = new TreeSet<>();
		for (Provider p : directory.outliers()) {
			designed.add(p.outlierRule + " " + p.code);
		}
		Set<String> found = new TreeSet<>();
		for (PeerOutliers.Score s : peers.hits) {
			found.add(s.rule() + " " + s.provider().code);
		}
		for (String d : designed) {
			if (!found.contains(d)) {
				notes.add("designed peer outlier not realised (too few settlements or peers): " + d);
			}
		}
		for (String f : found) {
			if (!designed.contains(f)) {
				notes.add("background provider is a peer outlier (listed in the ground truth): " + f);
			}
		}
		Set<String> fundsDesigned = new TreeSet<>();
		if (steering.injectedFund >= 0) {
			fundsDesigned.add("expenditure-growth " + FundLedger.key(steering.injectedFund, steering.injectedMonth, period));
		}
		if (ledger.dipFund >= 0) {
			fundsDesigned.add("reserve-months " + FundLedger.key(ledger.dipFund, ledger.dipMonth, period));
		}
		Set<String> fundsFound = new TreeSet<>();
		for (FundLedger.Hit h : ledger.hits) {
			fundsFound.add(h.rule() + " " + h.key());
		}
		if (!fundsDesigned.equals(fundsFound)) {
			notes.add("fund rules differ from the design " + fundsDesigned + ", found (and listed) " + fundsFound);
		}
		return notes;
	}
}
