package org.fundguard.claims.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The 1.1 columns of items.csv: what is accepted, and that each refusal names its column in Chinese. */
class RestrictionsTest {

	private static final Set<String> CODES = Set.of("001204000010000", "001204000020000");

	@Test
	void aVersionOneRowHasNoRestriction() throws BadValue {
		assertThat(Restrictions.read(row(Map.of()), CODES::contains)).isSameAs(Restrictions.NONE);
		assertThat(Restrictions.read(row(Map.of("gender_only", "", "min_age", "", "med_types", "")), CODES::contains))
			.isSameAs(Restrictions.NONE);
	}

	@Test
	void everyColumnReadsItsValue() throws BadValue {
		Restrictions r = Restrictions.read(row(Map.of("gender_only", "2", "min_age", "0", "max_age", "17", "med_types", "11;21",
				"max_qty_per_day", "2.5000", "exclusive_with", "001204000020000")), CODES::contains);
		assertThat(r).isEqualTo(new Restrictions("2", 0, 17, List.of("11", "21"), new BigDecimal("2.5000"),
				List.of("001204000020000")));
		assertThat(Restrictions.read(row(Map.of("min_age", "18", "max_age", "18")), CODES::contains).minAge()).isEqualTo(18);
	}

	@Test
	void invalidValuesNameTheirColumn() {
		refused(Map.of("gender_only", "3"), "gender_only", "不是 1（男）或 2（女）");
		refused(Map.of("gender_only", "M"), "gender_only", "gender_only");
		refused(Map.of("min_age", "-1"), "min_age", "不是不小于 0 的整数");
		refused(Map.of("max_age", "17.5"), "max_age", "不是不小于 0 的整数");
		refused(Map.of("max_age", "1e1"), "max_age", "max_age");
		refused(Map.of("max_age", "十七"), "max_age", "max_age");
		refused(Map.of("min_age", "18", "max_age", "17"), "min_age", "大于最大年龄 max_age");
		refused(Map.of("med_types", "21;31"), "med_types", "“31”不是已知的医疗类别");
		refused(Map.of("max_qty_per_day", "0"), "max_qty_per_day", "必须大于 0");
		refused(Map.of("max_qty_per_day", "-2"), "max_qty_per_day", "必须大于 0");
		refused(Map.of("max_qty_per_day", "1.00001"), "max_qty_per_day", "最多 4 位小数");
		refused(Map.of("max_qty_per_day", "two"), "max_qty_per_day", "每日限量");
		refused(Map.of("exclusive_with", "001204000020000;001204000099999"), "exclusive_with",
				"“001204000099999”不在 items.csv 的任何一行");
	}

	private static void refused(Map<String, String> cells, String column, String reason) {
		assertThatThrownBy(() -> Restrictions.read(row(cells), CODES::contains)).as(cells.toString())
			.isInstanceOfSatisfying(BadValue.class, bad -> {
				assertThat(bad.column()).isEqualTo(column);
				assertThat(bad.getMessage()).contains(reason).contains(column);
			});
	}

	private static Row row(Map<String, String> cells) {
		Map<String, Integer> header = new HashMap<>();
		List<String> values = new java.util.ArrayList<>();
		new LinkedHashMap<>(cells).forEach((column, value) -> {
			header.put(column, values.size());
			values.add(value);
		});
		return new Row(header, values.toArray(String[]::new), 2, 2);
	}
}
