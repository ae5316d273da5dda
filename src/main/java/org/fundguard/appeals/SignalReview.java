package org.fundguard.appeals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.fundguard.appeals.SignalReviewVariables.Answer;
import org.fundguard.appeals.SignalReviewVariables.AppealOutcome;
import org.fundguard.calendar.Deadlines;
import org.fundguard.documents.DocumentStore;
import org.fundguard.errors.Refused;
import org.fundguard.rules.SignalExemptions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What becomes of an issued signal: the institution's answer, confirmation at the deadline, the decision on an appeal.
 * Each change publishes {@link IssuedSignalsChanged}; a signal that becomes confirmed publishes {@link SignalConfirmed}
 * once (the state changes only from the state expected, so a second call finds nothing to change and publishes
 * nothing). An upheld appeal exempts the signal's evidence in the rules module, so the signal stays void.
 */
@Service
public class SignalReview {

	private final IssuedSignalStore store;
	private final DocumentStore documents;
	private final SignalExemptions exemptions;
	private final Deadlines deadlines;
	private final AppealsProperties config;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SignalReview(IssuedSignalStore store, DocumentStore documents, SignalExemptions exemptions, Deadlines deadlines,
			AppealsProperties config, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.documents = documents;
		this.exemptions = exemptions;
		this.deadlines = deadlines;
		this.config = config;
		this.events = events;
		this.clock = clock;
	}

	public IssuedSignal get(String id) {
		return store.find(id).orElseThrow(() -> Refused.notFound("appeals.signal.not-found", id));
	}

	/** The issued signal, or null when there is none of that id. */
	public IssuedSignal findOrNull(String id) {
		return id == null ? null : store.find(id).orElse(null);
	}

	/** A lead's issued signals, most money first. */
	public List<IssuedSignal> ofLead(String leadId) {
		return store.ofLead(leadId);
	}

	/** An institution's issued signals (up to 500): those awaiting its answer first, by deadline. */
	public List<IssuedSignal> ofProvider(String providerCode) {
		return store.ofProvider(providerCode, 500);
	}

	/** The institution accepts the signal or appeals it with an explanation and documents already stored. */
	@Transactional
	public void answer(String id, Answer answer, String explanation, List<String> documentIds, String who) {
		IssuedSignal s = get(id);
		if (answer == null) {
			throw Refused.because("appeals.answer.required");
		}
		String text = explanation == null ? "" : explanation.strip();
		if (answer == Answer.APPEAL && text.isEmpty()) {
			throw Refused.because("appeals.appeal.explanation-required");
		}
		for (String doc : documentIds) {
			// only the answering user's own uploads: an id is not a permission to attach, or later download, a file
			if (documents.find(doc).filter(d -> d.uploadedBy().equals(who)).isEmpty()) {
				throw Refused.because("appeals.document.unknown", doc);
			}
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		boolean appeal = answer == Answer.APPEAL;
		OffsetDateTime reviewDue = appeal
				? deadlines.afterWorkingDays(now, config.reviewWorkingDays()).toInstant().atOffset(now.getOffset()) : null;
		if (!store.answered(id, appeal ? SignalState.APPEALED : SignalState.ACCEPTED, text.isEmpty() ? null : text,
				appeal ? documentIds : List.of(), who, now, reviewDue)) {
			throw Refused.conflict("appeals.signal.already-answered", s.state().label());
		}
		events.publishEvent(new IssuedSignalsChanged(s.leadId()));
		if (!appeal) {
			confirmed(get(id), "机构确认", SignalConfirmed.How.ACCEPTED);
		}
	}

	/** The answer deadline passed without an answer: the signal counts as accepted. Nothing when it was answered. */
	@Transactional
	public void confirmAtDeadline(String id) {
		if (store.deadlinePassed(id, OffsetDateTime.now(clock))) {
			IssuedSignal s = get(id);
			events.publishEvent(new IssuedSignalsChanged(s.leadId()));
			confirmed(s, "逾期未答复，视为确认", SignalConfirmed.How.DEADLINE_PASSED);
		}
	}

	/** The issuing analyst does not review the appeal against his or her own signal. */
	public void mayReview(String id, String reviewer) {
		if (reviewer != null && reviewer.equals(get(id).issuedBy())) {
			throw Refused.forbidden("appeals.reviewer.issued-it");
		}
	}

	/** A reviewer decides an appeal: upheld (the signal is void and exempted) or rejected (confirmed), with a reason. */
	@Transactional
	public void decide(String id, AppealOutcome outcome, String reason, String reviewer) {
		IssuedSignal s = get(id);
		if (reviewer == null) {
			throw Refused.because("appeals.reviewer.unknown");
		}
		mayReview(id, reviewer);
		if (outcome == null) {
			throw Refused.because("appeals.outcome.required");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw Refused.because("appeals.reason.required");
		}
		SignalState to = outcome == AppealOutcome.UPHOLD ? SignalState.UPHELD : SignalState.REJECTED;
		if (!store.decided(id, to, why, reviewer, OffsetDateTime.now(clock))) {
			throw Refused.conflict("appeals.signal.not-appealed", s.state().label());
		}
		if (to == SignalState.UPHELD) {
			exemptions.exempt(s.signalId(), s.evidenceKey(), "申诉成立：" + why, reviewer);
		}
		events.publishEvent(new IssuedSignalsChanged(s.leadId()));
		if (to == SignalState.REJECTED) {
			confirmed(get(id), "申诉不成立：" + why, SignalConfirmed.How.APPEAL_REJECTED);
		}
	}

	void reminded(String id, String note) {
		store.reminded(id, OffsetDateTime.now(clock), note);
	}

	private void confirmed(IssuedSignal s, String reason, SignalConfirmed.How how) {
		events.publishEvent(new SignalConfirmed(s.id(), s.leadId(), s.providerCode(), s.ruleId(), s.signalId(), s.amount(),
				reason, LocalDate.now(clock.withZone(Deadlines.BUREAU_ZONE)), how));
	}
}
