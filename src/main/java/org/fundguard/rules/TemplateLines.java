package org.fundguard.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.fundguard.claims.ClaimsSchema.FeeLines;

/**
 * The fields a line-condition rule reads of each line (it groups the lines with {@link LineGroups#scan}, as the
 * shipped line rules do): the base ones and those its conditions name, so that the evidence shows the values that
 * broke them.
 */
final class TemplateLines {

	private static final List<String> BASE = List.of(FeeLines.SETTLEMENT_ID, FeeLines.LINE_NO, FeeLines.ITEM_CODE,
			FeeLines.ITEM_NAME, FeeLines.QUANTITY, FeeLines.UNIT_PRICE, FeeLines.AMOUNT, FeeLines.PROVIDER_CODE,
			FeeLines.PERSON_ID, FeeLines.VISIT_START, FeeLines.AGE_AT_VISIT, FeeLines.GENDER, FeeLines.DIAG_CODE);

	private TemplateLines() {
	}

	static String fields(RuleTemplate template) {
		Set<String> fields = new LinkedHashSet<>(BASE);
		template.conditions().forEach(c -> fields.add(c.field()));
		return Q.fields(fields.toArray(String[]::new));
	}
}
