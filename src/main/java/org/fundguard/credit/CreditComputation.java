package org.fundguard.credit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An institution's score in a year, replayed from its facts in date order: the score starts at the start score, each
 * fact of that year moves it, clamped to [0, max score], and every move across a grade bound is a grade change caused
 * by that fact. Replaying rather than storing scores keeps the history right when a fact is recorded late.
 */
public final class CreditComputation {

	/** The order facts count in: day, then when recorded, then id (a stable tie-break). */
	static final Comparator<CreditFact> ORDER = Comparator.comparing(CreditFact::occurredOn)
		.thenComparing(CreditFact::recordedAt, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(CreditFact::id);

	/** A fact as it counted: the points it actually moved (a credit capped at the max score moves fewer). */
	public record Step(CreditFact fact, int before, int after) {

		public int applied() {
			return after - before;
		}
	}

	/** A grade change and the fact that caused it. */
	public record GradeChange(LocalDate on, CreditGrade from, CreditGrade to, int score, CreditFact cause) {
	}

	/** An institution's year: its score and grade after every fact up to {@code asOf}, its steps and grade changes. */
	public record Scorecard(String providerCode, String providerName, String region, int year, int score,
			CreditGrade grade, List<Step> steps, List<GradeChange> changes) {

		public int deducted() {
			return -steps.stream().mapToInt(Step::applied).filter(p -> p < 0).sum();
		}

		public int credited() {
			return steps.stream().mapToInt(Step::applied).filter(p -> p > 0).sum();
		}
	}

	private CreditComputation() {
	}

	/**
	 * @param facts the institution's facts (any years, any order): only those dated in {@code year} and on or before
	 *     {@code asOf} count
	 */
	public static Scorecard compute(CreditProperties config, String providerCode, int year, LocalDate asOf,
			List<CreditFact> facts) {
		List<CreditFact> counted = facts.stream()
			.filter(f -> f.providerCode().equals(providerCode) && f.occurredOn().getYear() == year
					&& !f.occurredOn().isAfter(asOf))
			.sorted(ORDER)
			.toList();
		int score = config.startScore();
		CreditGrade grade = config.grade(score);
		List<Step> steps = new ArrayList<>();
		List<GradeChange> changes = new ArrayList<>();
		String name = null;
		String region = null;
		for (CreditFact f : counted) {
			int after = Math.max(0, Math.min(config.maxScore(), score + f.points()));
			steps.add(new Step(f, score, after));
			CreditGrade now = config.grade(after);
			if (now != grade) {
				changes.add(new GradeChange(f.occurredOn(), grade, now, after, f));
			}
			score = after;
			grade = now;
			name = f.providerName() == null ? name : f.providerName();
			region = f.region() == null ? region : f.region();
		}
		return new Scorecard(providerCode, name, region, year, score, grade, List.copyOf(steps), List.copyOf(changes));
	}
}
