package org.fundguard.focus;

import java.util.Optional;

import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskPages;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Component;

/** Every task of a focused inspection is worked on its page, /focus/{id}, next to the analysis it rests on. */
@Component
class FocusTaskPages implements TaskPages {

	private final TaskGateway tasks;

	FocusTaskPages(TaskGateway tasks) {
		this.tasks = tasks;
	}

	@Override
	public Optional<String> subjectOf(WorkItem task) {
		if (!FocusVariables.KEY.equals(task.processKey())) {
			return Optional.empty();
		}
		return Optional.ofNullable(tasks.variable(task.id(), FocusVariables.FUND_NAME)).map(name -> "重点检查：" + name);
	}

	@Override
	public Optional<String> pageOf(WorkItem task) {
		if (!FocusVariables.KEY.equals(task.processKey())) {
			return Optional.empty();
		}
		return Optional.of("/focus/" + tasks.variable(task.id(), FocusVariables.FOCUS_ID));
	}
}
