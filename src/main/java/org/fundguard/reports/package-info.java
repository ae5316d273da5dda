/**
 * The whistleblower portal (anonymous or real-name), report handling and rewards; report-handling.bpmn.
 */
@ApplicationModule(displayName = "监督举报 Reports",
		allowedDependencies = {
			"cases", "claims",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record", "sealing" })
package org.fundguard.reports;

import org.springframework.modulith.ApplicationModule;
