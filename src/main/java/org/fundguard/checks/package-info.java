/**
 * The pre-settlement check (事前提醒): an institution's system sends a settlement it is about to bill and gets back,
 * at once, every hit the line, knowledge-base and person-timeline rules would raise on it. It judges with the rules
 * module's own judgments over an in-memory snapshot of the claims indices, and stores nothing but counts.
 */
@ApplicationModule(displayName = "事前提醒 Pre-settlement check",
		allowedDependencies = {
			"claims", "rules",
			"calendar", "elastic", "errors", "identity" })
package org.fundguard.checks;

import org.springframework.modulith.ApplicationModule;
