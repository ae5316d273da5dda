/**
 * Loads exports of the interchange format into the claims indices; publishes the index schema, a directory of
 * providers and persons, and each inspector row it reads.
 */
@ApplicationModule(displayName = "医保数据 Claims",
		allowedDependencies = {
			"institutions",
			"calendar", "database", "documents", "elastic", "errors", "identity", "process", "record", "sealing" })
package org.fundguard.claims;

import org.springframework.modulith.ApplicationModule;
