package org.fundguard.checks;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.rules.ProspectiveSettlement;
import org.fundguard.rules.ProspectiveSettlement.Line;
import org.junit.jupiter.api.Test;

/** A prospective settlement missing what the rules read is refused naming the field, before anything is judged. */
class SettlementShapeTest {

	static final LocalDate DAY = LocalDate.of(2026, 3, 2);
	static final Line LINE = new Line("X1", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN, DAY);

	static ProspectiveSettlement with(String person, LocalDate start, LocalDate end, List<Line> lines) {
		return new ProspectiveSettlement(person, "H1", "11", List.of("I10"), start, end, lines);
	}

	@Test
	void aCompleteSettlementPasses() {
		assertThatCode(() -> SettlementShape.check(with("P1", DAY, DAY, List.of(LINE)))).doesNotThrowAnyException();
	}

	@Test
	void eachMissingFieldIsNamed() {
		assertThatThrownBy(() -> SettlementShape.check(with(" ", DAY, DAY, List.of(LINE)))).isInstanceOf(Refused.class)
			.hasMessageContaining("personId");
		assertThatThrownBy(() -> SettlementShape.check(with("P1", null, DAY, List.of(LINE)))).hasMessageContaining("visitStart");
		assertThatThrownBy(() -> SettlementShape.check(with("P1", DAY, DAY, List.of()))).hasMessageContaining("lines");
		Line noPrice = new Line("X1", BigDecimal.ONE, null, BigDecimal.TEN, DAY);
		assertThatThrownBy(() -> SettlementShape.check(with("P1", DAY, DAY, List.of(LINE, noPrice))))
			.hasMessageContaining("lines[1].unitPrice");
	}

	@Test
	void aDischargeBeforeTheAdmissionNegativeQuantitiesAndTooManyLinesAreRefused() {
		assertThatThrownBy(() -> SettlementShape.check(with("P1", DAY, DAY.minusDays(1), List.of(LINE))))
			.isInstanceOf(Refused.class).extracting(e -> ((Refused) e).key()).isEqualTo("checks.settlement.dates");
		Line negative = new Line("X1", BigDecimal.ONE.negate(), BigDecimal.TEN, BigDecimal.TEN, DAY);
		assertThatThrownBy(() -> SettlementShape.check(with("P1", DAY, DAY, List.of(negative))))
			.extracting(e -> ((Refused) e).key()).isEqualTo("checks.settlement.negative");
		assertThatThrownBy(() -> SettlementShape.check(with("P1", DAY, DAY, Collections.nCopies(SettlementShape.MOST_LINES + 1, LINE))))
			.extracting(e -> ((Refused) e).key()).isEqualTo("checks.settlement.too-many-lines");
	}
}
