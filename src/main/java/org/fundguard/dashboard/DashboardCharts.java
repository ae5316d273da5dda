package org.fundguard.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The charts' data as JSON for data-* attributes of the page (dashboard.js draws them with ECharts), so the page needs
 * no inline script; the tables beside the charts show the same figures.
 */
record DashboardCharts(String funds, String signals, String funnel, String money, String credit) {

	private static final ObjectMapper JSON = new ObjectMapper();

	static DashboardCharts of(DashboardView v) {
		Map<String, Object> funds = new LinkedHashMap<>();
		funds.put("names", v.funds().stream().map(f -> f.region() + " " + f.schemeLabel()).toList());
		funds.put("income", v.funds().stream().map(DashboardView.FundRow::income).toList());
		funds.put("expenditure", v.funds().stream().map(DashboardView.FundRow::expenditure).toList());
		TreeSet<String> months = new TreeSet<>();
		Map<String, Map<String, Long>> byRule = new LinkedHashMap<>();
		v.signals().forEach(s -> {
			months.add(s.month());
			byRule.computeIfAbsent(s.ruleName(), k -> new LinkedHashMap<>()).merge(s.month(), s.signals(), Long::sum);
		});
		List<Map<String, Object>> series = new ArrayList<>();
		byRule.forEach((rule, counts) -> series.add(Map.of("name", rule, "data", months.stream().map(m -> counts.getOrDefault(m, 0L)).toList())));
		Map<String, Object> funnel = new LinkedHashMap<>();
		funnel.put("names", List.of("线索", "立案", "处罚决定", "已缴纳"));
		funnel.put("values", List.of(v.funnel().leads(), v.funnel().cases(), v.funnel().penalties(), v.funnel().paid()));
		Map<String, Object> money = new LinkedHashMap<>();
		money.put("names", List.of("追回基金", "罚款（决定）", "罚没款（已缴）"));
		money.put("values", List.of(v.money().recovered(), v.money().finesDecided(), v.money().finesPaid()));
		return new DashboardCharts(json(funds), json(Map.of("months", months, "series", series)), json(funnel), json(money),
				v.creditGrades() == null ? null : json(v.creditGrades()));
	}

	private static String json(Object o) {
		try {
			return JSON.writeValueAsString(o);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}
}
