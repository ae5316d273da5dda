/**
 * The three full coverages (三个全覆盖): per year and institution, whether it had self-inspection, routine audit
 * (issued signals or a case) and random inspection; gaps highlighted, exported as CSV.
 */
@ApplicationModule(displayName = "三个全覆盖 Coverage",
		allowedDependencies = {
			"appeals", "cases", "claims", "inspections", "selfinspections",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.coverage;

import org.springframework.modulith.ApplicationModule;
