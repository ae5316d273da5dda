package org.fundguard.inspections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A plan's fields become exactly the draw parameters; what the law or the algorithm cannot take is refused. */
class PlanDraftTest {

	private static PlanDraft draft(Integer count, String percent, int team) {
		return new PlanDraft("计划", 2026, List.of(" 370303 ", "370303"), List.of("hospital"), List.of(), count,
				percent == null ? null : new BigDecimal(percent), null, true, team, LocalDate.of(2026, 12, 31));
	}

	@Test
	void aPercentageBecomesBasisPointsInTheCommittedParameterLine() {
		PlanDraft d = draft(null, "12.5", 3);

		assertThat(d.regions()).containsExactly("370303");
		assertThat(d.parameters(true).canonical()).isEqualTo("sample=ratio:1250;stratify=none;weighted=1;team=3;recuse-region=1");
		assertThat(draft(8, "10", 2).parameters(false).canonical()).isEqualTo("sample=count:8;stratify=none;weighted=1;team=2;recuse-region=0");
	}

	@Test
	void fewerThanTwoInspectorsOrAnImpreciseOrMissingSampleIsRefused() {
		assertThatThrownBy(() -> draft(null, "10", 1)).hasMessageContaining("至少由 2 名");
		assertThatThrownBy(() -> draft(null, "10.125", 2)).hasMessageContaining("最多两位小数");
		assertThatThrownBy(() -> draft(null, null, 2)).hasMessageContaining("请填写抽取比例或抽取数量");
		assertThatThrownBy(() -> draft(0, null, 2)).hasMessageContaining("至少为 1");
	}

	@Test
	void theStoredParameterLineReadsBackAsTheSameParameters() {
		DrawParameters p = new DrawParameters(null, 750, DrawParameters.Stratification.REGION, true, 2, false);

		assertThat(PlanDraws.parametersOf(p.canonical())).isEqualTo(p);
	}

	@Test
	void namesOutsideCaseFilesKeepOnlyTheFamilyName() {
		assertThat(Inspector.mask("张伟")).isEqualTo("张*");
		assertThat(Inspector.mask("欧阳娜娜")).isEqualTo("欧***");
		assertThat(Inspector.mask("")).isEmpty();
	}
}
