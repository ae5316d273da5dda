/**
 * The rule catalogue, rule runs over the claims indices, signals and the leads they are grouped into.
 */
@ApplicationModule(displayName = "智能监控 Monitoring rules")
package org.fundguard.rules;

import org.springframework.modulith.ApplicationModule;
