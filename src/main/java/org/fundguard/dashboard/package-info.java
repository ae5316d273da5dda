/**
 * The supervision dashboard (监管驾驶舱) for directors and analysts, every figure computed from the data with its date
 * and a link to its list, and the monthly report (调度分析报告) as PDF, archived in the document store.
 */
@ApplicationModule(displayName = "监管驾驶舱 Dashboard",
		allowedDependencies = {
			"campaigns", "cases", "claims", "credit", "leads", "penalties", "recovery", "rules",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.dashboard;

import org.springframework.modulith.ApplicationModule;
