package org.fundguard.leads;

import java.math.BigDecimal;
import java.util.Set;

import org.fundguard.appeals.IssuedSignals;
import org.fundguard.appeals.IssuedSignalsChanged;
import org.fundguard.appeals.LeadReview;
import org.fundguard.cases.AuditCase;
import org.fundguard.cases.LeadCases;
import org.fundguard.record.Actor;
import org.fundguard.rules.RuleCatalogue;
import org.fundguard.rules.RuleDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The lead's state follows its issued signals' review: issued, in review (some answered or appealed), then confirmed,
 * void or partly confirmed once every signal is decided. A settled lead whose confirmed money reaches
 * {@code fundguard.leads.case-threshold-yuan}, or that has a confirmed signal of a high-severity rule, becomes an audit
 * case with the confirmed signals as its evidence.
 * <p>
 * Runs after the appeals' transaction commits, in its own: a failure here is logged and leaves the institution's
 * answer or the reviewer's decision in place; the next change of the lead's signals brings the state up to date,
 * because {@link #follow(String)} derives it from the review as a whole, not from the one event.
 */
@Component
class ReviewFollower {

	private static final Logger log = LoggerFactory.getLogger(ReviewFollower.class);

	private final ObjectProvider<IssuedSignals> issued;
	private final LeadStates states;
	private final LeadCases leadCases;
	private final RuleCatalogue catalogue;
	private final LeadsProperties properties;
	private final TransactionTemplate tx;

	ReviewFollower(ObjectProvider<IssuedSignals> issued, LeadStates states, LeadCases leadCases, RuleCatalogue catalogue,
			LeadsProperties properties, PlatformTransactionManager transactions) {
		this.tx = new TransactionTemplate(transactions);
		// after the appeals' commit: a transaction of its own, which a failure here rolls back alone
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.issued = issued;
		this.states = states;
		this.leadCases = leadCases;
		this.catalogue = catalogue;
		this.properties = properties;
	}

	@TransactionalEventListener(fallbackExecution = true)
	public void changed(IssuedSignalsChanged event) {
		try {
			tx.executeWithoutResult(status -> follow(event.leadId()));
		}
		catch (RuntimeException e) {
			log.warn("lead {}: its state does not follow the review", event.leadId(), e);
		}
	}

	/** Brings the lead's state in line with its review; opens its case when the settled review warrants one. */
	void follow(String leadId) {
		IssuedSignals signals = issued.getIfAvailable();
		if (signals == null) {
			return;
		}
		LeadReview review = signals.reviewOf(leadId);
		LeadState target = stateOf(review);
		LeadState now = states.of(leadId);
		if (target == null || now == LeadState.CASE_OPENED || now == LeadState.CLOSED) {
			return; // never issued, or a case or the closure carries the lead on: what the review adds is recorded there
		}
		if (now == LeadState.OPEN && target != LeadState.ISSUED) {
			states.move(leadId, LeadState.ISSUED, Actor.SYSTEM, "疑点已下发机构");
		}
		states.move(leadId, target, Actor.SYSTEM, describe(review));
		if (target.settled() && review.confirmed() > 0) {
			Set<String> confirmed = signals.confirmedSignalIds(leadId);
			String why = caseReason(review, confirmed);
			if (why != null) {
				AuditCase c = leadCases.open(leadId, confirmed, Actor.SYSTEM);
				states.move(leadId, LeadState.CASE_OPENED, Actor.SYSTEM, why + "，登记稽核案件 " + c.number());
			}
		}
	}

	/** The state a review puts the lead in; null when nothing was issued. */
	static LeadState stateOf(LeadReview r) {
		if (r.issued() == 0) {
			return null;
		}
		if (!r.settled()) {
			// once any signal is answered the lead is in review, until every one is decided
			return r.appealed() > 0 || r.confirmed() + r.voided() > 0 ? LeadState.IN_REVIEW : LeadState.ISSUED;
		}
		if (r.voided() == 0) {
			return LeadState.CONFIRMED;
		}
		return r.confirmed() == 0 ? LeadState.VOID : LeadState.PARTLY_CONFIRMED;
	}

	/** Why the settled lead becomes a case, or null when it does not. */
	String caseReason(LeadReview r, Set<String> confirmedSignalIds) {
		BigDecimal threshold = properties.caseThresholdYuan();
		if (r.confirmedAmount() != null && r.confirmedAmount().compareTo(threshold) >= 0) {
			return "确认金额 " + Money.yuan(r.confirmedAmount()) + " 元，达到立案标准 " + Money.yuan(threshold) + " 元";
		}
		for (String id : confirmedSignalIds) {
			String ruleId = id.substring(0, Math.max(0, id.indexOf('|')));
			var rule = catalogue.find(ruleId).filter(d -> "high".equals(d.severity()));
			if (rule.isPresent()) {
				return "确认高风险规则“" + rule.map(RuleDefinition::nameZh).get() + "”的疑点";
			}
		}
		return null;
	}

	static String describe(LeadReview r) {
		return "机构答复与复核：下发 " + r.issued() + " 条，待答复 " + r.awaiting() + " 条，申诉中 " + r.appealed() + " 条，确认 "
				+ r.confirmed() + " 条，作废 " + r.voided() + " 条；确认金额 " + Money.yuan(r.confirmedAmount()) + " 元";
	}
}
