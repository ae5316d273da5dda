package org.fundguard.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The default reward table (2 % up to ¥100,000, 1.5 % up to ¥1,000,000, 1 % above; at least ¥200, at most ¥200,000),
 * applied marginally, at the losses the issue names and at the edges of each band.
 */
class RewardTableTest {

	private final RewardTable table = new RewardTable(ReportsProperties.defaults().reward());

	@ParameterizedTest(name = "loss ¥{0} → reward ¥{1}")
	@CsvSource({
			// no verified loss, no reward: the minimum lifts small rewards, it does not create one
			"0, 0.00",
			// 199.98 is lifted to the minimum
			"9999, 200.00",
			// exactly the minimum: 2 % of 10,000
			"10000, 200.00",
			"10000.50, 200.01",
			// the top of the first band
			"100000, 2000.00",
			// 2,000 + 1.5 % of the 1 yuan above the band: the reward never drops when the loss grows
			"100001, 2000.02",
			// 2,000 + 1.5 % of 900,000
			"1000000, 15500.00",
			"1000001, 15500.01",
			// 15,500 + 1 % of 18,450,000 = 200,000: exactly the maximum
			"19450000, 200000.00",
			// 15,500 + 1 % of 19,000,000 = 205,500, held to the maximum
			"20000000, 200000.00" })
	void rewardsFollowTheMarginalBandsAndTheClamps(String loss, String reward) {
		assertThat(table.rewardFor(new BigDecimal(loss))).isEqualByComparingTo(reward);
	}

	@Test
	void theRewardNeverFallsAsTheLossGrows() {
		BigDecimal previous = BigDecimal.ZERO;
		for (long loss = 1000; loss <= 25_000_000; loss += 997) {
			BigDecimal reward = table.rewardFor(BigDecimal.valueOf(loss));
			assertThat(reward).as("loss %d", loss).isGreaterThanOrEqualTo(previous);
			previous = reward;
		}
	}

	@Test
	void aBureauSetsItsOwnBandsAndLimits() {
		var own = new RewardTable(new ReportsProperties.Reward(
				List.of(new ReportsProperties.Tier(new BigDecimal("50000"), new BigDecimal("0.05")),
						new ReportsProperties.Tier(null, new BigDecimal("0.02"))),
				new BigDecimal("500"), new BigDecimal("100000")));

		assertThat(own.rewardFor(new BigDecimal("5000"))).isEqualByComparingTo("500.00");
		assertThat(own.rewardFor(new BigDecimal("60000"))).isEqualByComparingTo("2700.00");
		assertThat(own.rewardFor(new BigDecimal("9000000"))).isEqualByComparingTo("100000.00");
	}

	@Test
	void onlyANaturalPersonWhoAskedGaveARealNameBroughtNewFactsAndAVerifiedLossIsEligible() {
		var loss = new BigDecimal("5000");
		assertThat(RewardEligibility.judge(true, ReporterKind.PERSON, true, true, true, loss).eligible()).isTrue();

		assertThat(RewardEligibility.judge(false, null, false, true, true, loss).reasons()).contains("匿名举报");
		assertThat(RewardEligibility.judge(true, ReporterKind.ORGANISATION, true, true, true, loss).reasons())
			.containsExactly("举报人不是自然人");
		assertThat(RewardEligibility.judge(true, ReporterKind.PERSON, false, true, true, loss).reasons())
			.containsExactly("举报人未申请奖励");
		assertThat(RewardEligibility.judge(true, ReporterKind.PERSON, true, false, true, loss).reasons())
			.containsExactly("举报事项此前已被本局掌握");
		assertThat(RewardEligibility.judge(true, ReporterKind.PERSON, true, true, false, loss).reasons())
			.containsExactly("举报内容未经查实");
		assertThat(RewardEligibility.judge(true, ReporterKind.PERSON, true, true, true, BigDecimal.ZERO).reasons())
			.containsExactly("未查实医保基金损失");
	}
}
