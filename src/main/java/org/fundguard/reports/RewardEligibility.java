package org.fundguard.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a report earns a reward (举报奖励办法): only a natural person who asked for one, gave a real identity,
 * reported facts the bureau did not already know, and whose report was verified with a real fund loss.
 *
 * @param reasons why not, in Chinese, for the handler and the file; empty when eligible
 */
record RewardEligibility(boolean eligible, List<String> reasons) {

	static RewardEligibility judge(boolean realName, ReporterKind kind, boolean wantsReward, Boolean factsNew,
			Boolean verified, BigDecimal verifiedLoss) {
		List<String> reasons = new ArrayList<>();
		if (!realName) {
			reasons.add("匿名举报");
		}
		else if (kind != ReporterKind.PERSON) {
			reasons.add("举报人不是自然人");
		}
		if (!wantsReward) {
			reasons.add("举报人未申请奖励");
		}
		if (!Boolean.TRUE.equals(factsNew)) {
			reasons.add("举报事项此前已被本局掌握");
		}
		if (!Boolean.TRUE.equals(verified)) {
			reasons.add("举报内容未经查实");
		}
		else if (verifiedLoss == null || verifiedLoss.signum() <= 0) {
			reasons.add("未查实医保基金损失");
		}
		return new RewardEligibility(reasons.isEmpty(), List.copyOf(reasons));
	}
}
