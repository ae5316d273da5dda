/**
 * Re-checks (抽查复查): a yearly, verifiable draw of closed cases and inspection results, each with a re-check task.
 */
@ApplicationModule(displayName = "抽查复查 Re-checks",
		allowedDependencies = {
			"cases", "inspections",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.rechecks;

import org.springframework.modulith.ApplicationModule;
