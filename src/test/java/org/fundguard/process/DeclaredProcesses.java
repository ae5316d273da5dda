package org.fundguard.process;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What the modules declare about their processes, read from every class annotated {@link VariablesOf} under a
 * package: which module (the package segment after it) owns which process key, and the variable names
 * ({@code public static final String}) the models may use.
 */
record DeclaredProcesses(Map<String, String> moduleOfProcess, Set<String> variables, List<String> problems) {

	static DeclaredProcesses scan(String basePackage) {
		Map<String, String> modules = new HashMap<>();
		Set<String> variables = new HashSet<>();
		List<String> problems = new ArrayList<>();
		for (Class<?> declaring : annotatedClasses(basePackage)) {
			String module = BpmnGuardGlue.moduleOfClass(basePackage, declaring.getName());
			if (!declaring.getPackageName().equals(basePackage + "." + module)) {
				problems.add(declaring.getName() + ": @VariablesOf belongs in the module's root package");
			}
			for (String key : declaring.getAnnotation(VariablesOf.class).value()) {
				String before = modules.put(key, module);
				if (before != null) {
					problems.add("process " + key + " is declared by more than one @VariablesOf class");
				}
			}
			variables.addAll(constants(declaring));
		}
		return new DeclaredProcesses(Map.copyOf(modules), Set.copyOf(variables), List.copyOf(problems));
	}

	private static List<Class<?>> annotatedClasses(String basePackage) {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AnnotationTypeFilter(VariablesOf.class));
		List<Class<?>> classes = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
			String name = candidate.getBeanClassName();
			// the test fixtures below the base package declare processes of their own
			if (!name.substring(basePackage.length()).contains(".fixtures.")) {
				classes.add(ClassUtils.resolveClassName(name, null));
			}
		}
		return classes;
	}

	private static Set<String> constants(Class<?> declaring) {
		Set<String> names = new HashSet<>();
		for (Field field : declaring.getDeclaredFields()) {
			int modifiers = field.getModifiers();
			if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
				try {
					field.setAccessible(true);
					names.add((String) field.get(null));
				}
				catch (IllegalAccessException e) {
					throw new IllegalStateException(e);
				}
			}
		}
		return names;
	}
}
