package org.fundguard.penalties.process;

import static org.fundguard.penalties.PenaltyVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.fundguard.penalties.PenaltyDeadlines;
import org.fundguard.penalties.PenaltyProcedure;
import org.fundguard.penalties.review.Checklist;
import org.fundguard.penalties.review.LegalReviews;
import org.fundguard.penalties.review.ReviewOutcome;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.fundguard.record.Actor;
import org.springframework.stereotype.Component;

/**
 * The glue of bpmn/legal-review.bpmn (bean {@code legalReviewSteps}), the penalty procedure's legal review: ids in, one
 * method of the module out. The review task's listeners enforce the separation of duties on taking and on completing
 * the review, so it holds in FundGuard's pages, Camunda Tasklist and the engine's REST API alike.
 */
@Component("legalReviewSteps")
public class LegalReviewSteps {

	private final TaskGateway tasks;
	private final LegalReviews reviews;
	private final PenaltyProcedure procedure;
	private final PenaltyDeadlines deadlines;
	private final IdentityService identity;

	LegalReviewSteps(TaskGateway tasks, LegalReviews reviews, PenaltyProcedure procedure, PenaltyDeadlines deadlines,
			IdentityService identity) {
		this.tasks = tasks;
		this.reviews = reviews;
		this.procedure = procedure;
		this.deadlines = deadlines;
		this.identity = identity;
	}

	/** What the factors field of a task's form shows (an input parameter of the task). */
	public String currentFactors(long penaltyId) {
		return procedure.currentFactors(penaltyId);
	}

	/** Due date of every round. */
	public Date reviewDue(long penaltyId) {
		return deadlines.reviewDue(penaltyId);
	}

	/** Assignment listener of Task_ReviewPenalty: whoever takes the review. */
	public void assigned(long penaltyId, String taskId) {
		String assignee = tasks.values(taskId).userId();
		reviews.take(penaltyId, assignee);
	}

	/** Complete listener of Task_ReviewPenalty: the checklist, the conclusion and the opinion. */
	public void reviewed(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		Checklist checklist = new Checklist(v.bool(CHECK_AUTHORITY), v.bool(CHECK_FACTS), v.bool(CHECK_EVIDENCE),
				v.bool(CHECK_PROCEDURE), v.bool(CHECK_APPLICATION_OF_LAW), v.bool(CHECK_DISCRETION));
		Actor reviewer = v.userId() == null ? null : new Actor(v.userId(), v.offeredTo().orElse("legal-reviewer"));
		reviews.review(penaltyId, reviewer, caller(), checklist, ReviewOutcome.of(v.text(REVIEW_OUTCOME)).orElse(null),
				v.text(REVIEW_OPINION));
	}

	/** Complete listener of Task_RevisePenalty: the investigator answers the opinions and resubmits. */
	public void revised(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		procedure.reviseAfterReview(penaltyId, PenaltyDecisionSteps.factorsIfGiven(v), v.text(REVISION), TaskActor.of(v));
	}

	/** The user the engine was called as (Tasklist and REST authenticate every call), null for FundGuard itself. */
	private String caller() {
		Authentication auth = identity.getCurrentAuthentication();
		return auth == null ? null : auth.getUserId();
	}
}
