/**
 * One task gateway for every process's user tasks, the forms they complete, typed variables, and moving running
 * instances to a new model version. Shared kernel.
 */
@ApplicationModule(displayName = "流程与任务 Process")
package org.fundguard.process;

import org.springframework.modulith.ApplicationModule;
