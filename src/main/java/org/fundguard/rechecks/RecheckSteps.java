package org.fundguard.rechecks;

import java.util.Date;
import java.util.List;

import org.fundguard.errors.Refused;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.springframework.stereotype.Component;

/**
 * The glue of bpmn/re-check.bpmn: every expression calls one of these with the item's id (and a user task's id), and
 * each makes one call into {@link Rechecks}.
 */
@Component("recheckSteps")
public class RecheckSteps {

	private final TaskGateway gateway;
	private final Rechecks rechecks;

	RecheckSteps(TaskGateway gateway, Rechecks rechecks) {
		this.gateway = gateway;
		this.rechecks = rechecks;
	}

	public List<String> reviewers(Long recheckItemId) {
		return rechecks.reviewerUsers(recheckItemId);
	}

	public List<String> fallbackGroups(Long recheckItemId) {
		return rechecks.fallbackGroups(recheckItemId);
	}

	public Date due(Long recheckItemId) {
		return rechecks.due(recheckItemId);
	}

	public void recorded(Long recheckItemId, String taskId) {
		TaskValues form = gateway.values(taskId);
		List<String> reviewers = rechecks.reviewerUsers(recheckItemId);
		// Tasklist lets anyone offered the task submit: with named reviewers, only they may record
		if (!reviewers.isEmpty() && !reviewers.contains(form.userId())) {
			throw Refused.forbidden("rechecks.item.not-a-reviewer");
		}
		rechecks.record(recheckItemId, RecheckOutcome.chosen(form.text(RecheckVariables.RECHECK_OUTCOME)),
				form.text(RecheckVariables.RECHECK_NOTE), form.userId());
	}

	public boolean needsSignOff(Long recheckItemId) {
		return rechecks.needsSignOff(recheckItemId);
	}

	public void signedOff(Long recheckItemId, String taskId) {
		rechecks.signOff(recheckItemId, gateway.values(taskId).userId());
	}

	public void overdue(Long recheckItemId) {
		rechecks.markOverdue(recheckItemId);
	}
}
