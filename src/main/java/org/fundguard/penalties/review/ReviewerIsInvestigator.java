package org.fundguard.penalties.review;

import org.fundguard.errors.Refused;

/** Separation of duties: who worked on the investigation may not review its penalty (重大执法决定法制审核). */
public class ReviewerIsInvestigator extends Refused {

	ReviewerIsInvestigator(String user, String caseNumber) {
		super(Reason.FORBIDDEN, "penalties.review.reviewer-investigated", null, user, caseNumber);
	}
}
