package org.fundguard.process;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Once the application has started (its models deployed), moves running instances of the processes whose modules ask
 * for it ({@link MigrateRunningInstances}) to their latest versions.
 */
@Component
class RunningInstanceMigration {

	private final ModelVersions versions;

	RunningInstanceMigration(ModelVersions versions) {
		this.versions = versions;
	}

	/** Before Camunda's own ready listener starts the job executor: no old timer fires on an old version first. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void migrate() {
		for (String key : migratingProcesses()) {
			versions.moveToLatest(key);
		}
	}

	/** The process keys of every {@link VariablesOf} class that is also marked {@link MigrateRunningInstances}. */
	static List<String> migratingProcesses() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(MigrateRunningInstances.class));
		List<String> keys = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.fundguard")) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), RunningInstanceMigration.class.getClassLoader());
			VariablesOf declared = type.getAnnotation(VariablesOf.class);
			if (declared != null) {
				keys.addAll(List.of(declared.value()));
			}
		}
		return keys;
	}
}
