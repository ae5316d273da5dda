package org.fundguard.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fundguard.calendar.Deadlines;
import org.fundguard.identity.Jurisdiction;
import org.fundguard.inspections.DrawWeights;
import org.springframework.stereotype.Service;

/**
 * The institutions' credit scores, computed from the recorded facts whenever asked: for the pages, the dashboard and
 * the draws. An institution without a fact in a year has the start score and is not listed.
 */
@Service
public class CreditLedger implements CreditScores, DrawWeights {

	private final CreditFacts facts;
	private final CreditProperties config;
	private final Jurisdiction jurisdiction;
	private final Clock clock;

	CreditLedger(CreditFacts facts, CreditProperties config, Jurisdiction jurisdiction, Clock clock) {
		this.facts = facts;
		this.config = config;
		this.jurisdiction = jurisdiction;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(Deadlines.BUREAU_ZONE));
	}

	/** A past year is scored as of its last day, the current one as of today. */
	public LocalDate asOf(int year) {
		LocalDate today = today();
		return year < today.getYear() ? LocalDate.of(year, 12, 31) : today;
	}

	/** The scorecards of a year as of a day, worst score first. */
	public List<CreditComputation.Scorecard> scorecards(int year, LocalDate asOf) {
		Map<String, List<CreditFact>> byProvider = facts.ofYear(year).stream()
			.filter(this::inJurisdiction)
			.collect(Collectors.groupingBy(CreditFact::providerCode, LinkedHashMap::new, Collectors.toList()));
		return byProvider.entrySet().stream()
			.map(e -> CreditComputation.compute(config, e.getKey(), year, asOf, e.getValue()))
			.filter(s -> !s.steps().isEmpty())
			.sorted(Comparator.comparingInt(CreditComputation.Scorecard::score)
				.thenComparing(CreditComputation.Scorecard::providerCode))
			.toList();
	}

	public List<CreditComputation.Scorecard> scorecards(int year) {
		return scorecards(year, asOf(year));
	}

	/** One institution's year; with no facts, the start score and no steps. */
	public CreditComputation.Scorecard scorecard(String providerCode, int year) {
		return CreditComputation.compute(config, providerCode, year, asOf(year), facts.of(providerCode, year).stream()
			.filter(this::inJurisdiction)
			.toList());
	}

	public List<Integer> years() {
		List<Integer> years = new java.util.ArrayList<>(facts.years());
		if (!years.contains(today().getYear())) {
			years.add(0, today().getYear());
		}
		return years;
	}

	@Override
	public List<InstitutionCredit> ofYear(int year) {
		LocalDate asOf = asOf(year);
		return scorecards(year, asOf).stream().map(s -> credit(s, asOf)).toList();
	}

	@Override
	public Optional<InstitutionCredit> of(String providerCode, int year) {
		CreditComputation.Scorecard s = scorecard(providerCode, year);
		return s.steps().isEmpty() ? Optional.empty() : Optional.of(credit(s, asOf(year)));
	}

	/**
	 * Grade D on the draw day, counting the facts of that day's year up to that day: the factor the directory
	 * multiplies the weight by, so it is published with the draw.
	 */
	@Override
	public Map<String, Long> factorsOn(LocalDate day) {
		return scorecards(day.getYear(), day).stream()
			.filter(s -> s.grade() == CreditGrade.D)
			.collect(Collectors.toMap(CreditComputation.Scorecard::providerCode, s -> (long) config.drawWeightGradeD()));
	}

	/** A fact whose region is unknown (the directory did not answer) is the bureau's: it came from its own events. */
	private boolean inJurisdiction(CreditFact f) {
		return f.region() == null || jurisdiction.covers(f.region());
	}

	private static InstitutionCredit credit(CreditComputation.Scorecard s, LocalDate asOf) {
		return new InstitutionCredit(s.providerCode(), s.providerName(), s.region(), s.year(), s.score(), s.grade(), asOf);
	}
}
