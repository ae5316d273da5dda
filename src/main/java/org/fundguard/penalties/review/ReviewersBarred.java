package org.fundguard.penalties.review;

import java.util.Set;

import org.fundguard.penalties.PenaltyVariables;
import org.fundguard.process.TaskExclusions;
import org.springframework.stereotype.Component;

/**
 * The legal review is offered to every legal reviewer, but not to one who worked on the case's investigation
 * (reviewer2 is an inspector too): he does not see it in his review list, the workbench or Camunda Tasklist, rather
 * than being shown a task he would be refused.
 */
@Component
class ReviewersBarred implements TaskExclusions {

	static final String REVIEW_TASK = "Task_ReviewPenalty";

	private final Investigators investigators;

	ReviewersBarred(Investigators investigators) {
		this.investigators = investigators;
	}

	@Override
	public Set<String> barredFrom(NewTask task) {
		if (!REVIEW_TASK.equals(task.key()) || !(task.variables().get(PenaltyVariables.CASE_ID) instanceof Number caseId)) {
			return Set.of();
		}
		return investigators.of(caseId.longValue());
	}
}
