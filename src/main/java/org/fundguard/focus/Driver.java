package org.fundguard.focus;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One institution's or item's part in a fund's expenditure: its amount per month, and what it spent in the lead's
 * window against the same months a year before. Its increase is its part of the growth; its share is that increase
 * over the whole fund's increase (null when the fund did not grow).
 *
 * @param key provider code or item code
 * @param name the name the bureau knows it by (the code when the catalogue has none)
 */
public record Driver(String key, String name, Map<YearMonth, Double> months, double current, double previous,
		Double share) {

	public double increase() {
		return current - previous;
	}

	/** Growth over the same months a year before, in percent; null when it spent nothing then. */
	public Double growthPercent() {
		return previous == 0 ? null : (current - previous) * 100 / previous;
	}

	/**
	 * The drivers of a fund's expenditure, largest increase first (then by key, so that equal ones keep one order).
	 *
	 * @param byKey amount per key and month
	 * @param window the months judged; each is compared with the same month a year before
	 */
	static List<Driver> rank(Map<String, Map<YearMonth, Double>> byKey, Map<String, String> names, List<YearMonth> window) {
		double totalIncrease = 0;
		List<double[]> sums = new ArrayList<>();
		List<String> keys = new ArrayList<>(byKey.keySet());
		for (String key : keys) {
			double current = 0;
			double previous = 0;
			for (YearMonth m : window) {
				current += byKey.get(key).getOrDefault(m, 0.0);
				previous += byKey.get(key).getOrDefault(m.minusMonths(12), 0.0);
			}
			sums.add(new double[] { current, previous });
			totalIncrease += current - previous;
		}
		List<Driver> out = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			double[] s = sums.get(i);
			Double share = totalIncrease > 0 ? (s[0] - s[1]) / totalIncrease : null;
			out.add(new Driver(keys.get(i), names.getOrDefault(keys.get(i), keys.get(i)), new TreeMap<>(byKey.get(keys.get(i))),
					round(s[0]), round(s[1]), share));
		}
		out.sort(Comparator.comparingDouble(Driver::increase).reversed().thenComparing(Driver::key));
		return out;
	}

	/** Amounts in yuan to the cent: sums of doubles carry noise in the last digits. */
	static double round(double yuan) {
		return Math.round(yuan * 100) / 100.0;
	}
}
