package org.fundguard.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 举报奖励 amount: the verified loss times the tiered rate, clamped to the configured minimum and maximum.
 * <p>
 * The tiers are <b>marginal</b>: each rate applies to the part of the loss inside its band, as in a tax table. With
 * whole-amount tiers a loss of ¥100,001 would earn less (¥1,500.02) than a loss of ¥100,000 (¥2,000), which would
 * punish the reporter of the larger fraud; marginal tiers keep the reward growing with the loss. With the default
 * table, ¥1,000,000 earns ¥2,000 + ¥13,500 = ¥15,500. Amounts are rounded half up to the fen. No verified loss
 * means no reward at all, not the minimum: the minimum lifts a small reward, it does not create one.
 */
final class RewardTable {

	private final ReportsProperties.Reward table;

	RewardTable(ReportsProperties.Reward table) {
		this.table = table;
	}

	BigDecimal rewardFor(BigDecimal loss) {
		if (loss == null || loss.signum() <= 0) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal reward = BigDecimal.ZERO;
		BigDecimal lower = BigDecimal.ZERO;
		for (ReportsProperties.Tier tier : table.tiers()) {
			BigDecimal upper = tier.upTo() == null ? loss : tier.upTo().min(loss);
			if (upper.compareTo(lower) > 0) {
				reward = reward.add(upper.subtract(lower).multiply(tier.rate()));
			}
			if (tier.upTo() == null || tier.upTo().compareTo(loss) >= 0) {
				break;
			}
			lower = tier.upTo();
		}
		BigDecimal clamped = reward.max(table.minimum()).min(table.maximum());
		return clamped.setScale(2, RoundingMode.HALF_UP);
	}
}
