package org.fundguard.penalties.process;

import org.fundguard.errors.Refused;
import org.fundguard.process.TaskValues;
import org.fundguard.record.Actor;

/**
 * Who does a task of the penalty procedure, for the enforcement record: its assignee, or else the user the engine was
 * called as (Camunda Tasklist and REST authenticate every call), in the role the task was offered to. A task nobody has
 * taken is refused, so that every step has a name against it.
 */
final class TaskActor {

	private TaskActor() {
	}

	static Actor of(TaskValues task) {
		if (task.userId() == null || task.userId().isBlank()) {
			throw Refused.because("penalties.task.claim-first");
		}
		return new Actor(task.userId(), task.offeredTo().orElse("assignee"));
	}
}
