package org.fundguard.selfinspections;

import java.math.BigDecimal;
import java.util.List;

/**
 * One hit an institution sees in its self-inspection: a signal of one of the rules over the period, with its evidence
 * and personal identifiers masked (an institution's page is not a case file).
 *
subject|subject|window), which the report names to confirm it
 * @param money the fund money involved, in yuan, if the rule measures it
 */
public record SelfInspectionHit(String id, String ruleId, String ruleName, String subject, String from, String to,
		BigDecimal money, String description, List<String> settlementIds) {
}
