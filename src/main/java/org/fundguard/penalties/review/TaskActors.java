package org.fundguard.penalties.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.fundguard.record.Actor;

/**
 * Who does a user task, for the enforcement record: the assignee, or else the user the engine was called as (Camunda
 * Tasklist and REST authenticate every call); in the role the task was offered to. A task nobody has taken is
 * refused, so that every step has a name against it.
 */
public final class TaskActors {

	private TaskActors() {
	}

	public static Actor of(DelegateTask task) {
		String user = task.getAssignee() != null ? task.getAssignee() : authenticatedUser(task);
		if (user == null) {
			throw new IllegalStateException("任务“" + task.getName() + "”须先认领再办理 / claim the task first");
		}
		return new Actor(user, role(task));
	}

	/** The user the engine was called as, or null when called by FundGuard itself or a timer. */
	public static String authenticatedUser(DelegateTask task) {
		Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return auth == null ? null : auth.getUserId();
	}

	private static String role(DelegateTask task) {
		return task.getCandidates().stream()
			.filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElse("assignee");
	}
}
