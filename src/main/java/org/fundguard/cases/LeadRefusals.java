package org.fundguard.cases;

import java.util.function.Supplier;

import org.fundguard.errors.Refused;

/**
 * Opening a case from a lead, as the case page and API ask for it: {@link LeadCases} (kept by the claims and rules
 * work of issue 14) still refuses an unknown or a fund lead with an {@link IllegalArgumentException} carrying the user's
 * text; this passes that text on as a refusal, so the page and the API answer it like every other. Once LeadCases
 * refuses with {@link Refused} itself, this has nothing left to catch and can go.
 */
final class LeadRefusals {

	private LeadRefusals() {
	}

	static AuditCase refusing(Supplier<AuditCase> opening) {
		try {
			return opening.get();
		}
		catch (IllegalArgumentException e) {
			throw Refused.because("cases.lead.not-opened", e.getMessage());
		}
	}
}
