package org.fundguard.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Moves running instances of a process's older versions to its latest version with Camunda's migration API
 * (activities mapped by equal id, event triggers updated), one instance at a time so that one that cannot move (it
 * waits in an activity the new model no longer has) stays where it is and does not hold back the others.
 */
@Service
public class ModelVersions {

	private static final Logger log = LoggerFactory.getLogger(ModelVersions.class);

	/** What became of one process's instances on older versions. */
	public record Moved(String processKey, int latestVersion, int moved, List<String> leftOnTheirVersion) {
	}

	private final RepositoryService repository;
	private final RuntimeService runtime;

	public ModelVersions(RepositoryService repository, RuntimeService runtime) {
		this.repository = repository;
		this.runtime = runtime;
	}

	public Moved moveToLatest(String processKey) {
		ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
			.latestVersion().withoutTenantId().singleResult();
		if (latest == null) {
			return new Moved(processKey, 0, 0, List.of());
		}
		int moved = 0;
		List<String> left = new ArrayList<>();
		for (ProcessDefinition older : repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
			.withoutTenantId().list()) {
			if (older.getVersion() >= latest.getVersion()) {
				continue;
			}
			List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).list();
			if (running.isEmpty()) {
				continue;
			}
			MigrationPlan plan;
			try {
				plan = runtime.createMigrationPlan(older.getId(), latest.getId()).mapEqualActivities().updateEventTriggers()
					.build();
			}
			catch (ProcessEngineException e) {
				log.warn("{} v{}: {} running instance(s) stay on their version, no migration plan to v{}: {}", processKey,
						older.getVersion(), running.size(), latest.getVersion(), e.getMessage());
				running.forEach(p -> left.add(p.getId()));
				continue;
			}
			for (ProcessInstance instance : running) {
				try {
					runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
					moved++;
				}
				catch (ProcessEngineException e) {
					log.info("{} instance {} ({}) stays on v{}: {}", processKey, instance.getId(), instance.getBusinessKey(),
							older.getVersion(), e.getMessage());
					left.add(instance.getId());
				}
			}
		}
		if (moved > 0 || !left.isEmpty()) {
			log.info("{}: {} running instance(s) moved to v{}, {} stay on their version", processKey, moved,
					latest.getVersion(), left.size());
		}
		return new Moved(processKey, latest.getVersion(), moved, List.copyOf(left));
	}
}
