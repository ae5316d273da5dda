package org.fundguard.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
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
		return moveToLatest(processKey, Map.of());
	}

	/**
	 * As {@link #moveToLatest(String)}, where the new version renamed some activities: each is mapped from its old id
	 * to its new one (in versions that have the old id), and when it is a sub-process, the activities inside it are
	 * mapped by equal id too (Camunda maps equal ids only inside sub-processes it matched by equal id itself).
	 *
	 * @param renamed old activity id to new activity id
	 */
	public Moved moveToLatest(String processKey, Map<String, String> renamed) {
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
				plan = plan(older, latest, renamed);
			}
			catch (ProcessEngineException e) {
				log.warn("{} v{}: {} running instance(s) stay on their version, no migration plan to v{}: {}", processKey,
						older.getVersion(), running.size(), latest.getVersion(), e.getMessage());
				running.forEach(p -> left.add(p.getId()));
				continue;
			}
			Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
				.collect(Collectors.toSet());
			for (ProcessInstance instance : running) {
				if (!waitsOnlyIn(mapped, runtime.getActivityInstance(instance.getId()))) {
					// known before trying (a failed migration would log the engine's error at every start-up): it
					// finishes on its version, as its module foresaw
					log.info("{} instance {} ({}) waits where v{} has no equal and finishes on v{}", processKey,
							instance.getId(), instance.getBusinessKey(), latest.getVersion(), older.getVersion());
					left.add(instance.getId());
					continue;
				}
				try {
					runtime.newMigration(plan).processInstanceIds(instance.getId()).execute();
					moved++;
				}
				catch (ProcessEngineException e) {
					// not foreseen: an operator should look at it in Cockpit
					log.warn("{} instance {} ({}) could not move and stays on v{}: {}", processKey, instance.getId(),
							instance.getBusinessKey(), older.getVersion(), e.getMessage());
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

	/** Whether every activity the instance waits in (below the process itself) has a migration instruction. */
	static boolean waitsOnlyIn(Set<String> mapped, ActivityInstance instance) {
		for (ActivityInstance child : instance.getChildActivityInstances()) {
			String activity = child.getActivityId().replace("#multiInstanceBody", "");
			if (!mapped.contains(activity) || !waitsOnlyIn(mapped, child)) {
				return false;
			}
		}
		for (TransitionInstance transition : instance.getChildTransitionInstances()) {
			if (!mapped.contains(transition.getActivityId())) {
				return false;
			}
		}
		return true;
	}

	private MigrationPlan plan(ProcessDefinition older, ProcessDefinition latest, Map<String, String> renamed) {
		MigrationPlanBuilder builder = runtime.createMigrationPlan(older.getId(), latest.getId()).mapEqualActivities()
			.updateEventTriggers();
		if (renamed.isEmpty()) {
			return builder.build();
		}
		BpmnModelInstance from = repository.getBpmnModelInstance(older.getId());
		BpmnModelInstance to = repository.getBpmnModelInstance(latest.getId());
		for (Map.Entry<String, String> rename : renamed.entrySet()) {
			if (from.getModelElementById(rename.getKey()) instanceof FlowNode source
					&& to.getModelElementById(rename.getValue()) instanceof FlowNode target) {
				builder = map(builder, source, target);
				if (source instanceof SubProcess inside && target instanceof SubProcess) {
					for (FlowNode node : descendants(inside)) {
						if (to.getModelElementById(node.getId()) instanceof FlowNode same) {
							builder = map(builder, node, same);
						}
					}
				}
			}
		}
		return builder.build();
	}

	/** Maps one activity; an event's trigger (a timer's date, a message's name) is taken from the new version. */
	private static MigrationPlanBuilder map(MigrationPlanBuilder builder, FlowNode source, FlowNode target) {
		var instruction = builder.mapActivities(source.getId(), target.getId());
		return source instanceof CatchEvent event && !event.getEventDefinitions().isEmpty()
				? instruction.updateEventTrigger()
				: instruction;
	}

	private static List<FlowNode> descendants(SubProcess scope) {
		List<FlowNode> nodes = new ArrayList<>();
		Collection<FlowNode> children = scope.getChildElementsByType(FlowNode.class);
		for (FlowNode child : children) {
			nodes.add(child);
			if (child instanceof SubProcess nested) {
				nodes.addAll(descendants(nested));
			}
		}
		return nodes;
	}
}
