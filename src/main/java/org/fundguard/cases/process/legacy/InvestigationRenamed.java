package org.fundguard.cases.process.legacy;

import java.util.Map;

import org.fundguard.cases.AuditCaseVariables;
import org.fundguard.process.ModelVersions;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moves audit cases running on a version deployed before issue 14 to today's audit-case.bpmn at start-up, before the
 * module-wide move ({@code @MigrateRunningInstances} on {@link AuditCaseVariables}) runs. Today's model has every
 * activity an old case can wait in under the same id but one: the investigation sub-process, now
 * {@code SubProcess_Investigation} (it was {@code Sub_Investigation}), which Camunda's equal-id mapping would not match,
 * nor anything inside it; so this names the renaming. Cases waiting in the removed receive task
 * {@code Task_AwaitPenaltyProcedure} stay on their version (see {@link PenaltyHandBackSteps}).
 * <p>
 * Delete with {@link PenaltyHandBackSteps}, when no audit case of a version deployed before issue 14 is left.
 */
@Component
class InvestigationRenamed {

	static final Map<String, String> RENAMED = Map.of("Sub_Investigation", "SubProcess_Investigation");

	private final ModelVersions versions;

	InvestigationRenamed(ModelVersions versions) {
		this.versions = versions;
	}

	/**
	 * First among the start-up listeners: before the module-wide move, and before Camunda's own listener starts the job
	 * executor, so that no timer of an old case fires on its old version (whose steps name beans that are gone).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void moveRunningCases() {
		versions.moveToLatest(AuditCaseVariables.PROCESS, RENAMED);
	}
}
