package org.fundguard.penalties.review;

import org.springframework.stereotype.Service;

/**
 * Who may review a case's penalty: nobody who worked on its investigation. Checked when the review is taken (claimed,
 * delegated, assigned) and when it is completed, whichever way the task is reached (FundGuard's pages, Camunda
 * Tasklist, the REST API), because the review task's listeners ask here.
 */
@Service
class ReviewerIndependence {

	private final Investigators investigators;

	ReviewerIndependence(Investigators investigators) {
		this.investigators = investigators;
	}

	/** Refuses the user (when there is one) if he or she worked on the case's investigation. */
	void check(String user, long caseId, String caseNumber) {
		if (user != null && investigators.of(caseId).contains(user)) {
			throw new ReviewerIsInvestigator(user, caseNumber);
		}
	}
}
