package org.fundguard.penalties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.fundguard.cases.Findings;
import org.fundguard.cases.Intent;
import org.fundguard.cases.SubjectType;
import org.fundguard.errors.Refused;
import org.fundguard.penalties.PenaltiesProperties.MeasureKind;
import org.junit.jupiter.api.Test;

/** The discretion table as configured in application.yml, article by article, at and beyond its boundaries. */
class DiscretionTableTest {

	private static final Set<String> ALL_MITIGATING = Set.of("returned-voluntarily", "cooperated", "first-minor",
			"corrected");

	private final DiscretionTable table = new DiscretionTable(ConfiguredDefaults.penalties());

	// ---- Art. 38: irregular use by an institution, 1–2× the loss; suspension 6–12 months only when serious ----

	@Test
	void article38WithoutFactorsFinesOneAndAHalfTimesTheLossAndSuspendsNothing() {
		ProposedPenalty p = table.compute(findings("10000.00", Intent.IRREGULAR_USE, "38"), SubjectType.INSTITUTION, Set.of());

		assertThat(p.article()).isEqualTo("38");
		assertThat(p.recovery()).isEqualByComparingTo("10000.00");
		assertThat(p.multiple()).isEqualByComparingTo("1.5");
		assertThat(p.fine()).isEqualByComparingTo("15000.00");
		assertThat(p.hasMeasure()).isFalse();
		assertThat(p.lines()).contains("罚款倍数：1 + (2 − 1) × 50% = 1.5 倍", "罚款金额：¥10,000.00 × 1.5 = ¥15,000.00",
				"合计应缴：退回 ¥10,000.00 + 罚款 ¥15,000.00 = ¥25,000.00");
	}

	@Test
	void article38MitigatingFactorsStopAtTheLegalMinimumOfOneTimesTheLoss() {
		ProposedPenalty two = table.compute(findings("10000", Intent.IRREGULAR_USE, "38"), SubjectType.INSTITUTION,
				Set.of("returned-voluntarily", "cooperated"));
		ProposedPenalty all = table.compute(findings("10000", Intent.IRREGULAR_USE, "38"), SubjectType.INSTITUTION,
				ALL_MITIGATING);

		assertThat(two.position()).isEqualTo(0.0);
		assertThat(two.multiple()).isEqualByComparingTo("1");
		assertThat(all.multiple()).isEqualByComparingTo("1");
		assertThat(all.fine()).isEqualByComparingTo("10000.00");
		assertThat(all.lines()).contains("位置低于法定幅度下限，按下限 0% 计：不得低于法定最低标准");
	}

	@Test
	void article38SeriousConsequencesRaiseTheFineAndSuspendTheDepartment() {
		ProposedPenalty p = table.compute(findings("10000", Intent.IRREGULAR_USE, "38"), SubjectType.INSTITUTION,
				Set.of("serious-consequences"));

		assertThat(p.multiple()).isEqualByComparingTo("1.75");
		assertThat(p.fine()).isEqualByComparingTo("17500.00");
		assertThat(p.measure()).isEqualTo(MeasureKind.SUSPEND_AGREEMENT);
		assertThat(p.measureMonths()).isEqualTo(11); // 6 + 6 × 75% = 10.5 → 11
		assertThat(p.lines()).anyMatch(l -> l.contains("从重情节「造成严重后果」：向从重方向调整法定幅度的 25%，位置 50% → 75%"));
	}

	@Test
	void article38AggravatingFactorsStopAtTheLegalMaximum() {
		ProposedPenalty p = table.compute(findings("10000", Intent.IRREGULAR_USE, "38"), SubjectType.INSTITUTION,
				Set.of("serious-consequences", "refuses-correction", "repeat-offence"));

		assertThat(p.position()).isEqualTo(1.0);
		assertThat(p.multiple()).isEqualByComparingTo("2");
		assertThat(p.measureMonths()).isEqualTo(12);
		assertThat(p.lines()).contains("位置高于法定幅度上限，按上限 100% 计：不得超过法定最高标准");
	}

	// ---- Art. 39: management failures, ¥10,000–50,000 only if the institution refuses to correct ----

	@Test
	void article39FinesNothingUnlessTheInstitutionRefusesToCorrect() {
		ProposedPenalty p = table.compute(findings("0", Intent.IRREGULAR_USE, "39"), SubjectType.INSTITUTION, Set.of());

		assertThat(p.fine()).isEqualByComparingTo("0");
		assertThat(p.lines()).contains("罚款：未认定「拒不改正」情节，本条不予罚款，责令改正");
	}

	@Test
	void article39RefusalToCorrectFinesWithinTenToFiftyThousand() {
		ProposedPenalty refuses = table.compute(findings("0", Intent.IRREGULAR_USE, "39"), SubjectType.INSTITUTION,
				Set.of("refuses-correction"));
		ProposedPenalty atMinimum = table.compute(findings("0", Intent.IRREGULAR_USE, "39"), SubjectType.INSTITUTION,
				Set.of("refuses-correction", "returned-voluntarily", "cooperated", "first-minor"));
		ProposedPenalty atMaximum = table.compute(findings("0", Intent.IRREGULAR_USE, "39"), SubjectType.INSTITUTION,
				Set.of("refuses-correction", "repeat-offence", "obstructed"));

		assertThat(refuses.fine()).isEqualByComparingTo("40000.00"); // 10,000 + 40,000 × 75%
		assertThat(atMinimum.fine()).isEqualByComparingTo("10000.00");
		assertThat(atMaximum.fine()).isEqualByComparingTo("50000.00");
		assertThat(refuses.multiple()).isNull();
	}

	// ---- Art. 40: fraud by an institution, 2–5×; suspension 6–12 months or termination ----

	@Test
	void article40AppliesToAnInstitutionWithIntentToDefraudAndAlwaysSuspends() {
		ProposedPenalty p = table.compute(findings("20000", Intent.FRAUD, "38", "40"), SubjectType.INSTITUTION, Set.of());

		assertThat(p.article()).isEqualTo("40");
		assertThat(p.multiple()).isEqualByComparingTo("3.5");
		assertThat(p.fine()).isEqualByComparingTo("70000.00");
		assertThat(p.measureMonths()).isEqualTo(9);
		assertThat(p.termination()).isFalse();
	}

	@Test
	void article40BoundariesAreTwoAndFiveTimesAndSixAndTwelveMonths() {
		ProposedPenalty low = table.compute(findings("20000", Intent.FRAUD, "40"), SubjectType.INSTITUTION, ALL_MITIGATING);
		ProposedPenalty high = table.compute(findings("20000", Intent.FRAUD, "40"), SubjectType.INSTITUTION,
				Set.of("repeat-offence", "obstructed"));

		assertThat(low.multiple()).isEqualByComparingTo("2");
		assertThat(low.fine()).isEqualByComparingTo("40000.00");
		assertThat(low.measureMonths()).isEqualTo(6);
		assertThat(high.multiple()).isEqualByComparingTo("5");
		assertThat(high.fine()).isEqualByComparingTo("100000.00");
		assertThat(high.measureMonths()).isEqualTo(12);
	}

	@Test
	void article40EspeciallySeriousCasesTerminateTheAgreement() {
		ProposedPenalty p = table.compute(findings("20000", Intent.FRAUD, "40"), SubjectType.INSTITUTION,
				Set.of("especially-serious"));

		assertThat(p.termination()).isTrue();
		assertThat(p.measureText()).isEqualTo("解除医保服务协议");
		assertThat(p.fine()).isEqualByComparingTo("100000.00");
	}

	// ---- Art. 41: individuals; settlement suspended 3–12 months; a fine of 2–5× only with intent to defraud ----

	@Test
	void article41SuspendsAPersonsSettlementWithoutAFineForIrregularUse() {
		ProposedPenalty p = table.compute(findings("3000", Intent.IRREGULAR_USE, "41"), SubjectType.PERSON, Set.of());

		assertThat(p.fine()).isEqualByComparingTo("0");
		assertThat(p.measure()).isEqualTo(MeasureKind.SUSPEND_SETTLEMENT);
		assertThat(p.measureMonths()).isEqualTo(8); // 3 + 9 × 50% = 7.5 → 8
		assertThat(p.lines()).contains("罚款：未认定欺诈骗保，本条不予罚款");
	}

	@Test
	void article41FinesAPersonWhoMeantToDefraudBetweenTwoAndFiveTimes() {
		ProposedPenalty middle = table.compute(findings("3000", Intent.FRAUD, "41"), SubjectType.PERSON, Set.of());
		ProposedPenalty low = table.compute(findings("3000", Intent.FRAUD, "41"), SubjectType.PERSON, ALL_MITIGATING);
		ProposedPenalty high = table.compute(findings("3000", Intent.FRAUD, "41"), SubjectType.PERSON,
				Set.of("repeat-offence"));

		assertThat(middle.fine()).isEqualByComparingTo("10500.00");
		assertThat(low.fine()).isEqualByComparingTo("6000.00");
		assertThat(low.measureMonths()).isEqualTo(3);
		assertThat(high.fine()).isEqualByComparingTo("15000.00");
		assertThat(high.measureMonths()).isEqualTo(12);
	}

	// ---- choosing the article, refusing what does not fit ----

	@Test
	void anArticleForInstitutionsDoesNotApplyToAPerson() {
		assertThatThrownBy(() -> table.compute(findings("100", Intent.FRAUD, "40"), SubjectType.PERSON, Set.of()))
			.isInstanceOf(Refused.class)
			.hasMessageContaining("无法适用裁量基准");
	}

	@Test
	void noViolationMeansNoPenaltyAndUnknownFactorsAreRefused() {
		assertThatThrownBy(() -> table.compute(Findings.noViolation(1, "无", "inspector1"), SubjectType.INSTITUTION, Set.of()))
			.isInstanceOf(Refused.class);
		assertThatThrownBy(() -> table.compute(findings("100", Intent.FRAUD, "40"), SubjectType.INSTITUTION,
				Set.of("made-up"))).hasMessageContaining("made-up");
	}

	@Test
	void aHeavierPenaltyIsRecognisedInEveryPart() {
		ProposedPenalty base = table.compute(findings("10000", Intent.IRREGULAR_USE, "38"), SubjectType.INSTITUTION, Set.of());
		ProposedPenalty lighter = table.compute(findings("10000", Intent.IRREGULAR_USE, "38"), SubjectType.INSTITUTION,
				Set.of("cooperated"));
		ProposedPenalty suspended = table.compute(findings("10000", Intent.IRREGULAR_USE, "38"), SubjectType.INSTITUTION,
				Set.of("serious-consequences", "cooperated"));

		assertThat(lighter.heavierThan(base)).isFalse();
		assertThat(base.heavierThan(lighter)).isTrue();
		assertThat(suspended.fine()).isEqualByComparingTo(base.fine());
		assertThat(suspended.heavierThan(base)).as("a suspension where there was none").isTrue();
	}

	private static Findings findings(String loss, Intent intent, String... articles) {
		return new Findings(1, true, new BigDecimal(loss), List.of(articles), intent, "认定事实", "inspector1", null);
	}
}
