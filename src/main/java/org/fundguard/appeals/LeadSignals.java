package org.fundguard.appeals;

import java.util.List;
import java.util.Optional;

import org.fundguard.rules.Signal;

/**
 * A lead and its standing signals, as the rules module keeps them (the leads table and the signals index). An
 * interface so that the process tests can give a lead without Elasticsearch.
 */
interface LeadSignals {

	/** Who answers for a lead: party type ({@code provider}, {@code person}, {@code fund}) and key. */
	record Party(String type, String key) {

		boolean provider() {
			return "provider".equals(type);
		}
	}

	Optional<Party> partyOf(String leadId);

	/** The lead's signals that are not suppressed. */
	List<Signal> standingSignals(String leadId);
}
