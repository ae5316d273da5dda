package org.fundguard.penalties.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.fundguard.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Task listener on the review task, on assignment (claim, delegate, set assignee) and on completion: refuses anyone
 * who worked on the investigation, whichever way the task is reached (FundGuard's pages, Camunda Tasklist, the REST
 * API). On completion both the assignee and the user the engine was called as must be independent, and someone must
 * have taken the task.
 */
@Component("reviewerIndependence")
class ReviewerIndependence implements TaskListener {

	private final Investigators investigators;

	ReviewerIndependence(Investigators investigators) {
		this.investigators = investigators;
	}

	@Override
	public void notify(DelegateTask task) {
		long caseId = ((Number) task.getVariable(ProcessVariables.CASE_ID)).longValue();
		String caseNumber = String.valueOf(task.getVariable(ProcessVariables.CASE_NUMBER));
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_ASSIGNMENT -> refuseInvestigator(task.getAssignee(), caseId, caseNumber);
			case TaskListener.EVENTNAME_COMPLETE -> {
				String caller = TaskActors.authenticatedUser(task);
				if (task.getAssignee() == null && caller == null) {
					throw new IllegalStateException("法制审核任务须由审核人员认领后办理 / the review must be claimed first");
				}
				refuseInvestigator(task.getAssignee(), caseId, caseNumber);
				refuseInvestigator(caller, caseId, caseNumber);
			}
			default -> {
			}
		}
	}

	private void refuseInvestigator(String user, long caseId, String caseNumber) {
		if (user != null && investigators.of(caseId).contains(user)) {
			throw new ReviewerIsInvestigator(user, caseNumber);
		}
	}
}
