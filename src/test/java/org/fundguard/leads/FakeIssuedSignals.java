package org.fundguard.leads;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fundguard.appeals.IssuedSignals;
import org.fundguard.appeals.LeadReview;
import org.fundguard.identity.CurrentUser;

/**
 * A stand-in for the appeals module's {@link IssuedSignals} in the leads tests only, until the real one is merged:
 * it issues a set number of signals per lead and answers the review the test gives it.
 */
class FakeIssuedSignals implements IssuedSignals {

	final Map<String, Integer> issuable = new HashMap<>();
	final Map<String, LeadReview> reviews = new HashMap<>();
	final Map<String, Set<String>> confirmed = new HashMap<>();
	final List<String> issuedBy = new ArrayList<>();

	@Override
	public synchronized int issue(String leadId, CurrentUser analyst) {
		int n = issuable.getOrDefault(leadId, 0);
		issuable.put(leadId, 0);
		if (n > 0) {
			issuedBy.add(leadId + ":" + analyst.username());
			reviews.put(leadId, new LeadReview(n, n, 0, 0, 0, BigDecimal.ZERO));
		}
		return n;
	}

	@Override
	public synchronized LeadReview reviewOf(String leadId) {
		return reviews.getOrDefault(leadId, LeadReview.none());
	}

	@Override
	public synchronized Set<String> confirmedSignalIds(String leadId) {
		return confirmed.getOrDefault(leadId, Set.of());
	}
}
