package org.fundguard.penalties.review;

import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.fundguard.penalties.PenaltyVariables;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.fundguard.record.RecordEntry;
import org.springframework.stereotype.Service;

/**
 * Everyone who worked on a case's investigation: actors of its investigation steps in the enforcement record
 * (configured actions, or any step taken as an inspector), and whoever was assigned an investigation task in any
 * process of the case. None of them may review the case's penalty.
 */
@Service
public class Investigators {

	private final EnforcementRecord record;
	private final HistoryService history;
	private final LegalReviewProperties config;

	Investigators(EnforcementRecord record, HistoryService history, LegalReviewProperties config) {
		this.record = record;
		this.history = history;
		this.config = config;
	}

	public Set<String> of(long caseId) {
		Set<String> users = new TreeSet<>();
		for (RecordEntry e : record.entries(caseId)) {
			if (!Actor.SYSTEM.userId().equals(e.actorId()) && (config.investigationActions().contains(e.action())
					|| e.actorRole().equals(config.investigatorRole()))) {
				users.add(e.actorId());
			}
		}
		if (!config.investigationTasks().isEmpty()) {
			for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery()
				.processVariableValueEquals(PenaltyVariables.CASE_ID, caseId)
				.taskDefinitionKeyIn(config.investigationTasks().toArray(String[]::new))
				.list()) {
				if (t.getAssignee() != null) {
					users.add(t.getAssignee());
				}
			}
		}
		return users;
	}
}
