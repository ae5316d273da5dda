package org.fundguard.penalties.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.fundguard.process.ProcessVariables;
import org.springframework.stereotype.Component;

/** The legal-review process's glue: reads the review task's form and records the round. */
@Component("legalReviewSteps")
public class LegalReviewSteps {

	static final String APPROVE = "approve";

	private final LegalReviews reviews;

	LegalReviewSteps(LegalReviews reviews) {
		this.reviews = reviews;
	}

	/** Complete listener of Task_ReviewPenalty. */
	public void reviewed(DelegateTask task) {
		Checklist checklist = new Checklist(flag(task, ProcessVariables.CHECK_AUTHORITY), flag(task, ProcessVariables.CHECK_FACTS),
				flag(task, ProcessVariables.CHECK_EVIDENCE), flag(task, ProcessVariables.CHECK_PROCEDURE),
				flag(task, ProcessVariables.CHECK_APPLICATION_OF_LAW), flag(task, ProcessVariables.CHECK_DISCRETION));
		Object outcome = task.getVariable(ProcessVariables.REVIEW_OUTCOME);
		if (!APPROVE.equals(outcome) && !"return".equals(outcome)) {
			throw new IllegalArgumentException("请选择审核结论：通过或退回 / choose approve or return");
		}
		reviews.review(id(task, ProcessVariables.PENALTY_ID), id(task, ProcessVariables.CASE_ID), TaskActors.of(task),
				checklist, APPROVE.equals(outcome), (String) task.getVariable(ProcessVariables.REVIEW_OPINION));
	}

	private static boolean flag(DelegateTask task, String name) {
		return Boolean.TRUE.equals(task.getVariable(name));
	}

	private static long id(DelegateTask task, String name) {
		return ((Number) task.getVariable(name)).longValue();
	}
}
