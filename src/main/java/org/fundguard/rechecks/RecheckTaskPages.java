package org.fundguard.rechecks;

import java.util.Optional;

import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskPages;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Component;

/** Re-check tasks are worked on their item's page under /rechecks. */
@Component
class RecheckTaskPages implements TaskPages {

	private final TaskGateway tasks;

	RecheckTaskPages(TaskGateway tasks) {
		this.tasks = tasks;
	}

	@Override
	public Optional<String> subjectOf(WorkItem task) {
		if (!RecheckVariables.KEY.equals(task.processKey())) {
			return Optional.empty();
		}
		return Optional.ofNullable(tasks.variable(task.id(), RecheckVariables.RECHECK_SUBJECT)).map(Object::toString);
	}

	@Override
	public Optional<String> pageOf(WorkItem task) {
		if (!RecheckVariables.KEY.equals(task.processKey())) {
			return Optional.empty();
		}
		return Optional.of("/rechecks/items/" + tasks.variable(task.id(), RecheckVariables.RECHECK_ITEM_ID));
	}
}
