package org.fundguard.appeals;

import java.util.Set;

import org.fundguard.process.TaskExclusions;
import org.springframework.stereotype.Component;

/**
 * The review of an appeal is offered to analysts and inspectors, but not to the analyst who issued the signal: he or
 * she does not see it in the workbench or Camunda Tasklist, and the task's listeners refuse the attempt anyway.
 */
@Component
class AppealReviewersBarred implements TaskExclusions {

	static final String REVIEW_TASK = "Task_ReviewAppeal";

	private final IssuedSignalStore store;

	AppealReviewersBarred(IssuedSignalStore store) {
		this.store = store;
	}

	@Override
	public Set<String> barredFrom(NewTask task) {
		if (!REVIEW_TASK.equals(task.key())
				|| !(task.variables().get(SignalReviewVariables.ISSUED_SIGNAL_ID) instanceof String id)) {
			return Set.of();
		}
		return store.find(id).map(s -> Set.of(s.issuedBy())).orElse(Set.of());
	}
}
