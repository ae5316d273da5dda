/**
 * Special campaigns (专项整治): a named period, scope and rule set, with a self-inspection phase and an inspection
 * phase; cases and inspections opened in a campaign carry its id; a progress page by region.
 */
@ApplicationModule(displayName = "专项整治 Campaigns",
		allowedDependencies = {
			"appeals", "cases", "claims", "inspections", "institutions", "penalties", "recovery", "rules", "selfinspections",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.campaigns;

import org.springframework.modulith.ApplicationModule;
