package org.fundguard.appeals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.calendar.Deadlines;
import org.fundguard.errors.Refused;
import org.fundguard.identity.CurrentUser;
import org.fundguard.identity.Role;
import org.fundguard.rules.RuleLabels;
import org.fundguard.rules.Signal;
import org.fundguard.rules.SignalExemptions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues a provider lead's standing signals to the provider (疑点下发): one issued_signal row and one signal-review
 * process per signal, so that the institution can answer signal by signal. A signal issued before is not issued again.
 */
@Service
class SignalIssuing implements IssuedSignals {

	private final LeadSignals leads;
	private final IssuedSignalStore store;
	private final RuntimeService runtime;
	private final Deadlines deadlines;
	private final AppealsProperties config;
	private final RuleLabels labels;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SignalIssuing(LeadSignals leads, IssuedSignalStore store, RuntimeService runtime, Deadlines deadlines,
			AppealsProperties config, RuleLabels labels, ApplicationEventPublisher events, Clock clock) {
		this.leads = leads;
		this.store = store;
		this.runtime = runtime;
		this.deadlines = deadlines;
		this.config = config;
		this.labels = labels;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public int issue(String leadId, CurrentUser analyst) {
		if (!analyst.has(Role.ANALYST)) {
			throw Refused.forbidden("appeals.issue.analysts-only");
		}
		LeadSignals.Party party = leads.partyOf(leadId).orElseThrow(() -> Refused.notFound("appeals.lead.not-found", leadId));
		if (!party.provider()) {
			throw Refused.because("appeals.lead.not-provider");
		}
		return issue(leadId, party.key(), leads.standingSignals(leadId), analyst);
	}

	/** Issues these signals of the lead to the provider; those issued before are left alone. */
	@Transactional
	int issue(String leadId, String providerCode, java.util.List<Signal> signals, CurrentUser analyst) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime deadline = deadlines.afterWorkingDays(now, config.answerWorkingDays()).toInstant()
			.atZone(Deadlines.BUREAU_ZONE).toOffsetDateTime();
		int issued = 0;
		BigDecimal total = BigDecimal.ZERO;
		for (Signal signal : signals) {
			if (store.issued(leadId, signal.id())) {
				continue;
			}
			BigDecimal amount = signal.money() == null ? BigDecimal.ZERO : signal.money().setScale(2, RoundingMode.HALF_UP);
			IssuedSignal row = new IssuedSignal(UUID.randomUUID().toString(), leadId, signal.id(),
					SignalExemptions.evidenceKey(signal), providerCode, signal.ruleId(), amount, summary(signal),
					analyst.username(), now, deadline, SignalState.AWAITING, null, null, null, null, null, null, null, null,
					null, null);
			store.insert(row);
			runtime.startProcessInstanceByKey(SignalReviewVariables.KEY, row.id(),
					Map.of(SignalReviewVariables.ISSUED_SIGNAL_ID, row.id(),
							SignalReviewVariables.INSTITUTION_GROUP, Role.institutionGroup(providerCode),
							SignalReviewVariables.EVIDENCE, row.evidenceSummary(),
							SignalReviewVariables.AMOUNT, amount.toPlainString()));
			issued++;
			total = total.add(amount);
		}
		if (issued > 0) {
			events.publishEvent(new IssuedSignalsChanged(leadId));
			events.publishEvent(new SignalsIssued(leadId, providerCode, issued, total, deadline));
		}
		return issued;
	}

	@Override
	public LeadReview reviewOf(String leadId) {
		return store.review(leadId);
	}

	@Override
	public Set<String> confirmedSignalIds(String leadId) {
		Set<String> ids = new LinkedHashSet<>();
		store.ofLead(leadId).stream().filter(s -> s.state().confirmed()).forEach(s -> ids.add(s.signalId()));
		return ids;
	}

	/** The rule's name, what it found (masked) and the settlements it names, in at most 2,000 characters. */
	private String summary(Signal signal) {
		String text = labels.name(signal.ruleId()) + "：" + EvidenceText.masked(signal.description())
				+ "（期间 " + signal.from() + " 至 " + signal.to() + "，涉及结算 " + signal.settlementIds().size() + " 笔，明细 "
				+ signal.lineRefs().size() + " 行）";
		return EvidenceText.clipped(text, 2000);
	}
}
