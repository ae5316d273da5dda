/**
 * Designated institutions and the measures on their service agreements (suspension, termination).
 */
@ApplicationModule(displayName = "定点医药机构 Institutions",
		allowedDependencies = {
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.institutions;

import org.springframework.modulith.ApplicationModule;
