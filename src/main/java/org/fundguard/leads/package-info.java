/**
 * Lead triage (线索处置): the life of a monitoring lead — open, issued to its institution, in review, confirmed, void
 * or partly confirmed, opened as a case, closed — with who, when and why of every change, the analysts' bulk actions
 * and the leads list. The state follows the issued signals' review (appeals) and survives rule reruns.
 */
@ApplicationModule(displayName = "线索处置 Lead triage",
		allowedDependencies = {
			"appeals", "cases", "claims", "focus", "rules",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.leads;

import org.springframework.modulith.ApplicationModule;
