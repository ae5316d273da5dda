/**
 * The administrative-penalty procedure with its legal review (法制审核), documents, payment and publication; penalty-
 * decision.bpmn and legal-review.bpmn.
 */
@ApplicationModule(displayName = "行政处罚 Penalties",
		allowedDependencies = {
			"cases", "institutions", "selfinspections",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.penalties;

import org.springframework.modulith.ApplicationModule;
