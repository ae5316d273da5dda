package org.fundguard.penalties.review;

/** Separation of duties: who worked on the investigation may not review its penalty (重大执法决定法制审核). */
public class ReviewerIsInvestigator extends RuntimeException {

	ReviewerIsInvestigator(String user, String caseNumber) {
		super("用户 " + user + " 参与了案件 " + caseNumber + " 的调查，不得担任该案的法制审核人员（审核与调查分离）"
				+ " / " + user + " worked on the investigation and may not review it");
	}
}
