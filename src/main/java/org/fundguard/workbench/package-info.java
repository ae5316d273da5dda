/**
 * The page every signed-in user lands on: my tasks from every process, escalations, where to go next; for an
 * institution's user, its own home ({@code /institution}).
 */
@ApplicationModule(displayName = "工作台 Workbench",
		allowedDependencies = {
			"cases", "claims",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.workbench;

import org.springframework.modulith.ApplicationModule;
