package org.fundguard.rules;

import java.util.Arrays;

/**
 * Robust z-scores within a peer group: z = (value − median) ÷ (1.4826 × MAD); where the MAD is 0, 1.2533 × the mean
 * absolute deviation from the median is the scale instead; where that is 0 too, nobody is an outlier (null).
 */
final class RobustZ {

	private RobustZ() {
	}

	static double median(double[] values) {
		double[] v = values.clone();
		Arrays.sort(v);
		int n = v.length;
		return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	}

	/** The scale the z-scores divide by, or 0 when the group has no spread at all. */
	static double scale(double[] values) {
		double median = median(values);
		double[] dev = Arrays.stream(values).map(x -> Math.abs(x - median)).toArray();
		double mad = median(dev);
		if (mad > 0) {
			return 1.4826 * mad;
		}
		return 1.2533 * Arrays.stream(dev).average().orElse(0);
	}

	/** The z-score of every value, or null when the group has no spread. */
	static double[] scores(double[] values) {
		double median = median(values);
		double scale = scale(values);
		if (scale == 0) {
			return null;
		}
		return Arrays.stream(values).map(x -> (x - median) / scale).toArray();
	}
}
