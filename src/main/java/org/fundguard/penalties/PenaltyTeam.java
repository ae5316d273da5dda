package org.fundguard.penalties;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.fundguard.cases.CaseTeam;
import org.fundguard.errors.Refused;
import org.fundguard.identity.Role;
import org.springframework.stereotype.Service;

/**
 * Who investigates a penalty case (办案人员): the inspectors the director assigned to its audit case, and whoever holds
 * or held one of the case's tasks in its processes (a penalty task is offered to every inspector, and taking it makes
 * the inspector one of the case's team). Only they add evidence: an inspector of another case must not put documents
 * into this decision's evidence list.
 */
@Service
class PenaltyTeam {

	private final CaseTeam caseTeam;
	private final HistoryService history;

	PenaltyTeam(CaseTeam caseTeam, HistoryService history) {
		this.caseTeam = caseTeam;
		this.history = history;
	}

	Set<String> of(long caseId) {
		Set<String> team = new TreeSet<>(caseTeam.usernames(caseId));
		for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
			.processVariableValueEquals(PenaltyVariables.CASE_ID, caseId)
			.taskHadCandidateGroup(Role.INSPECTOR.id())
			.list()) {
			if (task.getAssignee() != null) {
				team.add(task.getAssignee());
			}
		}
		return team;
	}

	boolean isOn(long caseId, String username) {
		return username != null && (caseTeam.isAssigned(caseId, username) || of(caseId).contains(username));
	}

	/** Refuses anyone who is not on the case's team. */
	void check(PenaltyCase p, String username) {
		if (!isOn(p.caseId(), username)) {
			throw Refused.forbidden("penalties.evidence.team-only", p.caseNumber());
		}
	}
}
