/**
 * Issued signals and appeals (疑点下发与申诉): a lead's signals go to its institution, which accepts or appeals each;
 * a bureau reviewer decides the appeals; confirmed signals are recovered, upheld appeals leave the signal void.
 */
@ApplicationModule(displayName = "疑点下发与申诉 Issued signals and appeals",
		allowedDependencies = {
			"claims", "rules",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.appeals;

import org.springframework.modulith.ApplicationModule;
