/**
 * Audit cases from leads, reports and inspections: filing, inspectors, investigation, findings, outcome; carried by
 * audit-case.bpmn, which calls the penalty procedure.
 */
@ApplicationModule(displayName = "稽核案件 Audit cases",
		allowedDependencies = {
			"claims", "institutions", "rules",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.cases;

import org.springframework.modulith.ApplicationModule;
