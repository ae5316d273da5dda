package org.fundguard.penalties.process;

import java.util.Optional;
import java.util.Set;

import org.fundguard.penalties.PenaltyVariables;
import org.fundguard.process.TaskPages;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Component;

/** The penalty procedure's tasks, its legal review's included, are worked on the penalty task page. */
@Component
class PenaltyTaskPages implements TaskPages {

	private static final Set<String> PROCESSES = Set.of(PenaltyVariables.PENALTY_DECISION, PenaltyVariables.LEGAL_REVIEW);

	@Override
	public Optional<String> pageOf(WorkItem task) {
		return PROCESSES.contains(task.processKey()) ? Optional.of("/penalties/tasks/" + task.id()) : Optional.empty();
	}
}
