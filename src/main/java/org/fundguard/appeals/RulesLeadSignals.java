package org.fundguard.appeals;

import java.util.List;
import java.util.Optional;

import org.fundguard.rules.Leads;
import org.fundguard.rules.Signal;
import org.fundguard.rules.SignalSearch;
import org.springframework.stereotype.Component;

/** The leads table and the signals index of the rules module. */
@Component
class RulesLeadSignals implements LeadSignals {

	private final Leads leads;
	private final SignalSearch signals;

	RulesLeadSignals(Leads leads, SignalSearch signals) {
		this.leads = leads;
		this.signals = signals;
	}

	@Override
	public Optional<Party> partyOf(String leadId) {
		return leads.find(leadId).map(lead -> new Party(lead.partyType(), lead.partyKey()));
	}

	@Override
	public List<Signal> standingSignals(String leadId) {
		return signals.standingEvidenceOf(leadId);
	}
}
