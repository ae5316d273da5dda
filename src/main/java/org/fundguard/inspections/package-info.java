/**
 * Double-random inspections: plans, verifiable draws of institutions and inspectors, on-site results and their
 * publication; random-inspection.bpmn.
 */
@ApplicationModule(displayName = "双随机检查 Random inspections",
		allowedDependencies = {
			"cases", "claims", "institutions",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.inspections;

import org.springframework.modulith.ApplicationModule;
