/**
 * The public pages: published penalty decisions, typical cases, inspection plans, draws and results.
 */
@ApplicationModule(displayName = "信息公开 Disclosure",
		allowedDependencies = {
			"inspections", "penalties",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.disclosure;

import org.springframework.modulith.ApplicationModule;
