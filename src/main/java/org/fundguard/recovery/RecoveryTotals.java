package org.fundguard.recovery;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Totals of a set of rows: by institution, by month booked (Asia/Shanghai days, so a row confirmed at 00:30 on the
 * 1st in Beijing counts in that month), by rule, and overall.
 *
 * @param byMonth every month from the first row's to the last row's, empty months at ¥0, so the chart has no gaps
 * @param byInstitution largest amount first
 * @param byRule largest amount first; rows without a rule (penalties) under the key {@code ""}
 */
public record RecoveryTotals(Total overall, List<Total> byInstitution, List<Total> byMonth, List<Total> byRule) {

	/**
	 * @param key provider code, month ({@code 2026-11}) or rule id
	 * @param label what pages show beside the key: the institution's name, else the key
	 */
	public record Total(String key, String label, long rows, BigDecimal amount) {

		Total plus(RecoveryEntry e) {
			return new Total(key, label, rows + 1, amount.add(e.amount()));
		}
	}

	public static RecoveryTotals of(List<RecoveryEntry> entries) {
		Total overall = new Total("", "合计", 0, BigDecimal.ZERO.setScale(2));
		for (RecoveryEntry e : entries) {
			overall = overall.plus(e);
		}
		return new RecoveryTotals(overall, largestFirst(group(entries, RecoveryEntry::providerCode, RecoveryEntry::institution)),
				months(entries), largestFirst(group(entries, e -> e.ruleId() == null ? "" : e.ruleId(),
						e -> e.ruleId() == null ? "无（行政处罚）" : e.ruleId())));
	}

	private static Map<String, Total> group(List<RecoveryEntry> entries, Function<RecoveryEntry, String> key,
			Function<RecoveryEntry, String> label) {
		Map<String, Total> totals = new LinkedHashMap<>();
		for (RecoveryEntry e : entries) {
			totals.merge(key.apply(e), new Total(key.apply(e), label.apply(e), 1, e.amount()),
					(a, b) -> new Total(a.key(), a.label(), a.rows() + 1, a.amount().add(b.amount())));
		}
		return totals;
	}

	private static List<Total> largestFirst(Map<String, Total> totals) {
		return totals.values().stream()
			.sorted(Comparator.comparing(Total::amount).reversed().thenComparing(Total::key))
			.toList();
	}

	private static List<Total> months(List<RecoveryEntry> entries) {
		if (entries.isEmpty()) {
			return List.of();
		}
		Map<String, Total> byMonth = group(entries, RecoveryEntry::month, RecoveryEntry::month);
		YearMonth first = entries.stream().map(e -> YearMonth.from(e.bookedOn())).min(Comparator.naturalOrder()).orElseThrow();
		YearMonth last = entries.stream().map(e -> YearMonth.from(e.bookedOn())).max(Comparator.naturalOrder()).orElseThrow();
		List<Total> months = new ArrayList<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			String key = m.toString();
			months.add(byMonth.getOrDefault(key, new Total(key, key, 0, BigDecimal.ZERO.setScale(2))));
		}
		return months;
	}
}
