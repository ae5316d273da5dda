package org.fundguard.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Totals by institution, month and rule add up to the overall total, largest first, with no month left out. */
class RecoveryTotalsTest {

	static RecoveryEntry entry(String key, String provider, String name, String amount, String day, String rule) {
		return new RecoveryEntry(RecoveryEntry.rowId(RecoverySource.APPEAL_OUTCOME, key), RecoverySource.APPEAL_OUTCOME, key,
				provider, name, new BigDecimal(amount), "重复收费", LocalDate.parse(day), rule, "lead-1", null);
	}

	private final List<RecoveryEntry> entries = List.of(
			entry("a", "H1", "甲医院", "100.10", "2026-09-30", "R1"),
			entry("b", "H2", null, "50.00", "2026-09-01", "R2"),
			entry("c", "H1", "甲医院", "0.90", "2026-11-01", "R2"),
			entry("d", "H2", null, "200.00", "2026-11-30", null));

	@Test
	void everyGroupingAddsUpToTheOverallTotal() {
		RecoveryTotals t = RecoveryTotals.of(entries);

		assertThat(t.overall().amount()).isEqualByComparingTo("351.00");
		assertThat(t.overall().rows()).isEqualTo(4);
		for (List<RecoveryTotals.Total> grouping : List.of(t.byInstitution(), t.byMonth(), t.byRule())) {
			assertThat(grouping.stream().map(RecoveryTotals.Total::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
				.isEqualByComparingTo("351.00");
			assertThat(grouping.stream().mapToLong(RecoveryTotals.Total::rows).sum()).isEqualTo(4);
		}
	}

	@Test
	void byInstitutionLargestFirstNamedWhereTheNameIsKnown() {
		var byInstitution = RecoveryTotals.of(entries).byInstitution();

		assertThat(byInstitution).extracting(RecoveryTotals.Total::key).containsExactly("H2", "H1");
		assertThat(byInstitution).extracting(RecoveryTotals.Total::label).containsExactly("H2", "甲医院");
		assertThat(byInstitution.get(0).amount()).isEqualByComparingTo("250.00");
		assertThat(byInstitution.get(1).amount()).isEqualByComparingTo("101.00");
	}

	@Test
	void byMonthRunsFromFirstToLastMonthWithEmptyMonthsAtZero() {
		var byMonth = RecoveryTotals.of(entries).byMonth();

		assertThat(byMonth).extracting(RecoveryTotals.Total::key).containsExactly("2026-09", "2026-10", "2026-11");
		assertThat(byMonth.get(0).amount()).isEqualByComparingTo("150.10");
		assertThat(byMonth.get(1).amount()).isEqualByComparingTo("0");
		assertThat(byMonth.get(1).rows()).isZero();
		assertThat(byMonth.get(2).amount()).isEqualByComparingTo("200.90");
	}

	@Test
	void byRuleKeepsRowsWithoutARuleApart() {
		var byRule = RecoveryTotals.of(entries).byRule();

		assertThat(byRule).extracting(RecoveryTotals.Total::key).containsExactly("", "R1", "R2");
		assertThat(byRule.get(0).label()).isEqualTo("无（行政处罚）");
		assertThat(byRule.get(2).amount()).isEqualByComparingTo("50.90");
	}

	@Test
	void noRowsNoMonths() {
		RecoveryTotals t = RecoveryTotals.of(List.of());

		assertThat(t.overall().amount()).isEqualByComparingTo("0");
		assertThat(t.byMonth()).isEmpty();
		assertThat(t.byInstitution()).isEmpty();
	}
}
