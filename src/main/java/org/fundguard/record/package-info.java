/**
 * The append-only, hash-chained record of every enforcement step. Shared kernel.
 */
@ApplicationModule(displayName = "执法全过程记录 Enforcement record")
package org.fundguard.record;

import org.springframework.modulith.ApplicationModule;
