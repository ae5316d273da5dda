package org.fundguard.focus;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What drives a fund's expenditure (预警分析), month by month: the fund's own total, its institutions and its items
 * ranked by their part in the growth over the lead's window, and the signals of the fund and of those institutions by
 * rule.
 *
 * @param months every month shown: a year before the window's first month to its last
 * @param window the lead's months, each compared with the same month a year before
 * @param total the fund's expenditure (fund_paid of its insured's settlements) per month
 * @param signals rule id → month → signals
 */
public record FundAnalysis(List<YearMonth> months, List<YearMonth> window, Map<YearMonth, Double> total,
		List<Driver> institutions, List<Driver> items, Map<String, Map<String, Long>> signals) {

	/** The fund's expenditure over the window and over the same months a year before. */
	public double current() {
		return Driver.round(window.stream().mapToDouble(m -> total.getOrDefault(m, 0.0)).sum());
	}

	public double previous() {
		return Driver.round(window.stream().mapToDouble(m -> total.getOrDefault(m.minusMonths(12), 0.0)).sum());
	}

	public Double growthPercent() {
		return previous() == 0 ? null : (current() - previous()) * 100 / previous();
	}

	/** Every month from {@code first} to {@code last}, both included. */
	static List<YearMonth> between(YearMonth first, YearMonth last) {
		List<YearMonth> out = new ArrayList<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			out.add(m);
		}
		return out;
	}

	/**
	 * A chart's series: the first {@code shown} drivers each, the rest summed as 其他, each a value per month (0 for a
	 * month without any), so that the stacked bars add up to the fund's total.
	 */
	static Map<String, List<Double>> series(List<Driver> drivers, List<YearMonth> months, int shown) {
		Map<String, List<Double>> out = new LinkedHashMap<>();
		Map<YearMonth, Double> rest = new TreeMap<>();
		for (int i = 0; i < drivers.size(); i++) {
			Driver d = drivers.get(i);
			if (i < shown) {
				out.put(d.name(), months.stream().map(m -> Driver.round(d.months().getOrDefault(m, 0.0))).toList());
			}
			else {
				d.months().forEach((m, v) -> rest.merge(m, v, Double::sum));
			}
		}
		if (!rest.isEmpty()) {
			out.put("其他", months.stream().map(m -> Driver.round(rest.getOrDefault(m, 0.0))).toList());
		}
		return out;
	}
}
