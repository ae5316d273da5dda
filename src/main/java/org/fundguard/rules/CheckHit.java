package org.fundguard.rules;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a rule would raise on a prospective settlement: the rule, its Chinese name, the hit's Chinese message (the
 * batch rule's own wording) and the indexes (from 0) of the request's lines it concerns, empty for a hit on the
 * whole settlement (after death, not enrolled, a stay).
 */
@Schema(description = "一条预警 / one hit")
public record CheckHit(
		@Schema(description = "规则编号 / rule id", example = "price-over-ceiling") String ruleId,
		@Schema(description = "规则名称 / rule name", example = "超标准收费（单价超过限价）") String ruleName,
		@Schema(description = "提示 / message", example = "一次性输液器 单价 35.5 超过限价 30") String message,
		@Schema(description = "所涉明细的序号（从 0 起）/ indexes of the lines, from 0", example = "[0]") List<Integer> lines) {

	public CheckHit {
		lines = lines == null ? List.of() : List.copyOf(lines);
	}
}
