package org.fundguard.focus;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fundguard.rules.RuleLabels;

/**
 * The analysis page's chart data, as one JSON text the page carries on its chart elements (data-chart) and
 * /js/focus-charts.js hands to ECharts: months, the fund's total, the stacked series by institution and by item, and
 * the signals by rule (named in Chinese).
 */
final class FocusCharts {

	/** Institutions or items drawn each; the rest are summed as 其他. */
	static final int SHOWN = 8;

	private static final ObjectMapper JSON = new ObjectMapper();

	private FocusCharts() {
	}

	static String of(FundAnalysis a, RuleLabels labels) {
		Map<String, Object> out = new LinkedHashMap<>();
		List<String> months = a.months().stream().map(YearMonth::toString).toList();
		out.put("months", months);
		out.put("total", a.months().stream().map(m -> a.total().getOrDefault(m, 0.0)).toList());
		out.put("institutions", FundAnalysis.series(a.institutions(), a.months(), SHOWN));
		out.put("items", FundAnalysis.series(a.items(), a.months(), SHOWN));
		Map<String, List<Long>> signals = new LinkedHashMap<>();
		a.signals().forEach((rule, byMonth) -> signals.put(labels.name(rule),
				months.stream().map(m -> byMonth.getOrDefault(m, 0L)).toList()));
		out.put("signals", signals);
		try {
			return JSON.writeValueAsString(out);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
