/**
 * The page every signed-in user lands on: my tasks from every process, escalations, where to go next.
 */
@ApplicationModule(displayName = "工作台 Workbench")
package org.fundguard.workbench;

import org.springframework.modulith.ApplicationModule;
