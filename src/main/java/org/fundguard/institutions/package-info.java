/**
 * Designated institutions and the measures on their service agreements (suspension, termination).
 */
@ApplicationModule(displayName = "定点医药机构 Institutions")
package org.fundguard.institutions;

import org.springframework.modulith.ApplicationModule;
