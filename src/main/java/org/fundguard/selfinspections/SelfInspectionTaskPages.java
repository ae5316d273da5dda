package org.fundguard.selfinspections;

import java.util.Optional;

import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskPages;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Component;

/**
 * An institution's report task is worked on its own self-inspection page (under /institution), the director's closing
 * task on the self-inspection's page.
 */
@Component
class SelfInspectionTaskPages implements TaskPages {

	private final TaskGateway tasks;

	SelfInspectionTaskPages(TaskGateway tasks) {
		this.tasks = tasks;
	}

	@Override
	public Optional<String> subjectOf(WorkItem task) {
		if (!SelfInspectionVariables.KEY.equals(task.processKey())) {
			return Optional.empty();
		}
		return Optional.ofNullable(tasks.variable(task.id(), SelfInspectionVariables.SELF_INSPECTION_NAME))
			.map(Object::toString);
	}

	@Override
	public Optional<String> pageOf(WorkItem task) {
		if (!SelfInspectionVariables.KEY.equals(task.processKey())) {
			return Optional.empty();
		}
		if ("Task_ReportSelfInspection".equals(task.key())) {
			return Optional.of("/institution/self-inspections/" + tasks.variable(task.id(), SelfInspectionVariables.REPORT_ID));
		}
		return Optional.of("/self-inspections/" + tasks.variable(task.id(), SelfInspectionVariables.SELF_INSPECTION_ID));
	}
}
