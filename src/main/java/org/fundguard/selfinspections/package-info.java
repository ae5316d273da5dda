/**
 * Self-inspections (自查自纠): the bureau asks the institutions in a scope to check their own claims against a set of
 * rules over a period; each reports what it found and refunds, which later penalties count as mitigation.
 */
@ApplicationModule(displayName = "自查自纠 Self-inspections",
		allowedDependencies = {
			"claims", "rules",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.selfinspections;

import org.springframework.modulith.ApplicationModule;
