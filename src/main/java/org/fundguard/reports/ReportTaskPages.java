package org.fundguard.reports;

import java.util.Optional;

import org.fundguard.identity.Role;
import org.fundguard.process.TaskPages;
import org.fundguard.process.WorkItem;
import org.springframework.stereotype.Component;

/**
 * The report handlers' tasks of a report are worked on the report's page. The director's (supervision, reward
 * approval) are worked in Camunda Tasklist: the report page shows real-name reporters' identities, which only the
 * report handlers may see.
 */
@Component
class ReportTaskPages implements TaskPages {

	@Override
	public Optional<String> pageOf(WorkItem task) {
		return ReportVariables.KEY.equals(task.processKey()) && task.subject() != null
				&& task.candidateGroups().contains(Role.REPORT_HANDLER.id())
						? Optional.of("/reports/" + task.subject())
						: Optional.empty();
	}
}
