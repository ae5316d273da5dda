/**
 * Credit of institutions (医保信用评价): a yearly score computed from recorded facts (confirmed signals, penalty
 * decisions by article, refused inspections, self-reported refunds), grades A–D with the history of every change and
 * its cause; grade D weighs more in random draws and is published.
 */
@ApplicationModule(displayName = "信用评价 Credit",
		allowedDependencies = {
			"appeals", "claims", "inspections", "institutions", "penalties", "selfinspections",
			"calendar", "documents", "elastic", "errors", "identity", "process", "record" })
package org.fundguard.credit;

import org.springframework.modulith.ApplicationModule;
