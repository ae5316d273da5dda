package org.fundguard.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When a user task is created, asks the modules' {@link TaskExclusions} who may not take it and revokes those users'
 * read permission on it: Camunda Tasklist then does not list it for them, though their role is offered it, and
 * {@link TaskGateway} reads the same revocations, so FundGuard's lists agree. Read only: their claim or completion
 * still reaches the module's listener and is refused in its words.
 */
@Component
public class BarredUsers extends AbstractProcessEnginePlugin {

	private final Supplier<List<TaskExclusions>> exclusions;

	/** The modules' rules are beans that need the engine themselves: looked up when a task is created, not before. */
	@Autowired
	BarredUsers(ObjectProvider<TaskExclusions> exclusions) {
		this.exclusions = () -> exclusions.orderedStream().toList();
	}

	/** For an engine without Spring (tests). */
	public BarredUsers(List<TaskExclusions> exclusions) {
		this.exclusions = () -> exclusions;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
				? new java.util.ArrayList<>() : new java.util.ArrayList<>(configuration.getCustomPreBPMNParseListeners());
		TaskListener bar = this::bar;
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, bar);
				}
			}
		});
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

	void bar(DelegateTask task) {
		String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
		var created = new TaskExclusions.NewTask(task.getTaskDefinitionKey(), processKey, task.getProcessInstanceId(),
				task.getVariables());
		Set<String> barred = new TreeSet<>();
		exclusions.get().forEach(rule -> barred.addAll(rule.barredFrom(created)));
		if (barred.isEmpty()) {
			return;
		}
		AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
		// whoever completed the step before (a director in Tasklist) may not write authorizations: the engine does this
		Context.getCommandContext().runWithoutAuthorization(() -> {
			for (String user : barred) {
				Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
				revoke.setUserId(user);
				revoke.setResource(Resources.TASK);
				revoke.setResourceId(task.getId());
				revoke.removePermission(Permissions.READ);
				authorizations.saveAuthorization(revoke);
			}
			return null;
		});
	}

	/** The users barred from each of these tasks, as the revocations written at their creation say. */
	static Map<String, Set<String>> of(AuthorizationService authorizations, Set<String> taskIds) {
		Map<String, Set<String>> barred = new HashMap<>();
		if (taskIds.isEmpty()) {
			return barred;
		}
		authorizations.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_REVOKE)
			.resourceType(Resources.TASK)
			.list()
			.stream()
			.filter(a -> a.getUserId() != null && taskIds.contains(a.getResourceId()))
			.forEach(a -> barred.computeIfAbsent(a.getResourceId(), id -> new TreeSet<>()).add(a.getUserId()));
		return barred;
	}
}
