/**
 * The rule catalogue, rule runs over the claims indices, signals and the leads they are grouped into.
 */
@ApplicationModule(displayName = "智能监控 Monitoring rules",
		allowedDependencies = {
			"claims",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.rules;

import org.springframework.modulith.ApplicationModule;
