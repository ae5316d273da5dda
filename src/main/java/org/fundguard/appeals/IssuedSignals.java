package org.fundguard.appeals;

import org.fundguard.identity.CurrentUser;

/**
 * Issuing a lead's signals to its institution (疑点下发) and what became of them. The appeals module implements it;
 * the leads module calls it for the analysts' "issue" action and reads the review to set the lead's state.
 */
public interface IssuedSignals {

	/**
	 * Issues the not-yet-issued signals of a provider lead to that provider and starts their review; returns how many
	 * were issued (0 when all already were). Refused for a person or fund lead, which has no institution to answer.
	 */
	int issue(String leadId, CurrentUser analyst);

	/** Where the lead's issued signals stand ({@link LeadReview#none()} when none were issued). */
	LeadReview reviewOf(String leadId);

	/** The ids ({@code rules.Signal#id}) of the lead's confirmed signals: the evidence an audit case takes from it. */
	java.util.Set<String> confirmedSignalIds(String leadId);
}
