/**
 * Focused inspection of a fund (基金重点检查, fund-focus.bpmn): a fund lead (expenditure growth, reserve months,
 * current deficit) opens an analysis of what drives it, an inspection plan limited to the region, then assessment and
 * resolution with a director's sign-off (预警 → 评估 → 化解).
 */
@ApplicationModule(displayName = "重点检查 Focused inspection",
		allowedDependencies = {
			"claims", "inspections", "rules",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.focus;

import org.springframework.modulith.ApplicationModule;
