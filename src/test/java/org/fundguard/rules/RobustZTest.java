package org.fundguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RobustZTest {

	@Test
	void zIsTheDistanceFromTheMedianInUnitsOfScaledMad() {
		double[] v = { 1, 2, 3, 4, 100 };
		// median 3, deviations 2 1 0 1 97 → MAD 1, scale 1.4826
		assertThat(RobustZ.median(v)).isEqualTo(3);
		assertThat(RobustZ.scale(v)).isEqualTo(1.4826, within(1e-12));
		assertThat(RobustZ.scores(v)[4]).isEqualTo(97 / 1.4826, within(1e-9));
		assertThat(RobustZ.scores(v)[0]).isEqualTo(-2 / 1.4826, within(1e-9));
	}

	@Test
	void theMedianOfAnEvenGroupIsTheMeanOfTheMiddleTwo() {
		assertThat(RobustZ.median(new double[] { 4, 1, 3, 2 })).isEqualTo(2.5);
	}

	@Test
	void whereMadIsZeroTheMeanAbsoluteDeviationIsUsed() {
		double[] v = { 5, 5, 5, 5, 5, 9 };
		// median 5, deviations 0 0 0 0 0 4 → MAD 0, mean absolute deviation 4/6
		double scale = 1.2533 * 4 / 6;
		assertThat(RobustZ.scale(v)).isEqualTo(scale, within(1e-12));
		assertThat(RobustZ.scores(v)[5]).isEqualTo(4 / scale, within(1e-9));
		assertThat(RobustZ.scores(v)[5]).isGreaterThan(3.5);
	}

	@Test
	void whereBothAreZeroNobodyIsAnOutlier() {
		assertThat(RobustZ.scores(new double[] { 2, 2, 2, 2, 2 })).isNull();
	}
}
