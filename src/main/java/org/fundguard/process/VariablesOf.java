package org.fundguard.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one class per module that names the variables of its processes ({@code public static final String}
 * constants) and says which processes those are. The module that declares a process owns its model: the BPMN guard
 * accepts in that model only these names and beans of this module.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface VariablesOf {

	/** The keys (BPMN process ids) of the module's processes. */
	String[] value();
}
