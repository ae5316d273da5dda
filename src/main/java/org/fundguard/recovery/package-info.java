/**
 * The recovery ledger (追回/扣款): money to be returned to the fund, booked once per confirmed issued signal,
 * self-inspection refund and penalty decision that orders the loss returned; totals, the institutions' own view and
 * the CSV export for the settlement system (docs/recovery-export.md).
 */
@ApplicationModule(displayName = "追回扣款 Recovery ledger",
		allowedDependencies = {
			"appeals", "selfinspections", "penalties", "rules", "claims",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.recovery;

import org.springframework.modulith.ApplicationModule;
