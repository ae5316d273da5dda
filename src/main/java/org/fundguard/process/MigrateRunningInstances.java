package org.fundguard.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a module's {@link VariablesOf} class: when a new version of one of these processes is deployed, instances still
 * running on older versions are moved to it at start-up wherever Camunda's migration validates (every activity they
 * wait in has its equal, same id, in the new model), so that a changed glue expression applies to work under way.
 * Those it cannot move finish on their own version. Leave it off for a process whose old instances must not move.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MigrateRunningInstances {
}
