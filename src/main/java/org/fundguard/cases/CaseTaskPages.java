package org.fundguard.cases;

import java.util.Optional;

import org.fundguard.process.TaskPages;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Component;

/** An audit case's tasks are worked on the case's page. */
@Component
class CaseTaskPages implements TaskPages {

	@Override
	public Optional<String> pageOf(WorkItem task) {
		return AuditCaseVariables.PROCESS.equals(task.processKey()) && task.subject() != null
				? Optional.of("/cases/" + task.subject())
				: Optional.empty();
	}
}
