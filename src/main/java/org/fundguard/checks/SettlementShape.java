package org.fundguard.checks;

import java.math.BigDecimal;

import org.fundguard.errors.Refused;
import org.fundguard.rules.ProspectiveSettlement;
import org.fundguard.rules.ProspectiveSettlement.Line;

/** What a prospective settlement must hold before it is judged: each missing field is named in the refusal (400). */
final class SettlementShape {

	/** More lines than any real settlement has; a larger body is a mistake or an attack, not a settlement. */
	static final int MOST_LINES = 2000;

	private SettlementShape() {
	}

	static void check(ProspectiveSettlement s) {
		if (s == null) {
			throw Refused.because("checks.settlement.missing", "body");
		}
		required(s.personId(), "personId");
		required(s.providerCode(), "providerCode");
		required(s.medType(), "medType");
		required(s.visitStart(), "visitStart");
		if (s.visitEnd() != null && s.visitEnd().isBefore(s.visitStart())) {
			throw Refused.because("checks.settlement.dates");
		}
		if (s.lines().isEmpty()) {
			throw Refused.because("checks.settlement.missing", "lines");
		}
		if (s.lines().size() > MOST_LINES) {
			throw Refused.because("checks.settlement.too-many-lines", MOST_LINES);
		}
		for (int i = 0; i < s.lines().size(); i++) {
			Line line = s.lines().get(i);
			if (line == null) {
				throw Refused.because("checks.settlement.missing", "lines[" + i + "]");
			}
			required(line.itemCode(), "lines[" + i + "].itemCode");
			required(line.quantity(), "lines[" + i + "].quantity");
			required(line.unitPrice(), "lines[" + i + "].unitPrice");
			required(line.amount(), "lines[" + i + "].amount");
			if (line.quantity().signum() < 0 || line.unitPrice().compareTo(BigDecimal.ZERO) < 0) {
				throw Refused.because("checks.settlement.negative", "lines[" + i + "]");
			}
		}
	}

	private static void required(Object value, String field) {
		if (value == null || value instanceof String text && text.isBlank()) {
			throw Refused.because("checks.settlement.missing", field);
		}
	}
}
