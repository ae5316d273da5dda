package org.fundguard.rules;

import java.util.List;

/**
 * What an evaluator found: one subject breaking one rule, with its evidence.
 *
 * @param subjectKey the subject as the rule defines it (e.g. {@code settlement_id|item_code})
 * @param partyType who answers for it in an audit lead: {@code provider}, {@code person} or {@code fund}
 * @param month the month of the evidence (yyyy-MM), for the chart of signals by month
 */
record Hit(String subjectKey, String partyType, String partyKey, Double measured, Double threshold, String description,
		List<String> settlementIds, List<String> lineRefs, double money, String month) {

	Hit {
		settlementIds = settlementIds == null ? List.of() : List.copyOf(settlementIds);
		lineRefs = lineRefs == null ? List.of() : List.copyOf(lineRefs);
	}
}
