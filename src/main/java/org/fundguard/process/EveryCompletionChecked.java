package org.fundguard.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.fundguard.errors.Refused;
import org.springframework.stereotype.Component;

/**
 * The task gateway's rule of who may work a task, held at every completion the engine sees, wherever it comes from:
 * FundGuard's pages and API (through {@link TaskGateway}), Camunda Tasklist and the engine's REST API. A user completes
 * a task he or she holds, or one offered to him or her (by name or role) that nobody holds. The check runs before the
 * model's own listeners. Completions with nobody signed in (the engine's own timers and jobs) are not a user's.
 */
@Component
public class EveryCompletionChecked extends AbstractProcessEnginePlugin {

	static final TaskListener WORKER_CHECK = EveryCompletionChecked::check;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
		listeners.add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, WORKER_CHECK);
				}
			}
		});
		configuration.setCustomPreBPMNParseListeners(listeners);
	}

	static void check(DelegateTask task) {
		var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (auth == null || auth.getUserId() == null) {
			return;
		}
		String user = auth.getUserId();
		if (task.getAssignee() != null) {
			if (!user.equals(task.getAssignee())) {
				throw Refused.conflict("process.task.not-claimed-by-you", task.getAssignee());
			}
			return;
		}
		List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
		boolean offered = task.getCandidates().stream().anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
				&& (user.equals(l.getUserId()) || (l.getGroupId() != null && groups.contains(l.getGroupId()))));
		if (!offered) {
			throw Refused.forbidden("process.task.not-yours");
		}
	}
}
