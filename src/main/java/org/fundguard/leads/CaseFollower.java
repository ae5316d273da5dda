package org.fundguard.leads;

import org.fundguard.cases.AuditCase;
import org.fundguard.cases.AuditCaseOpened;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseSource;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A case opened from a lead anywhere else — a director on the lead's evidence page, the automatic opening after a rules
 * run — makes the lead {@link LeadState#CASE_OPENED} in the same transaction, by whoever opened the case (the first
 * step of its record). It runs just before the commit, so the bulk action and the review, which move the lead
 * themselves with their own reason, are found done and left alone. A lead whose state allows no case (void, closed)
 * refuses, and the case is not opened.
 */
@Component
class CaseFollower {

	private final AuditCases cases;
	private final EnforcementRecord record;
	private final LeadStates states;

	CaseFollower(AuditCases cases, EnforcementRecord record, LeadStates states) {
		this.cases = cases;
		this.record = record;
		this.states = states;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void opened(AuditCaseOpened event) {
		if (event.source() != CaseSource.LEAD) {
			return;
		}
		AuditCase c = cases.find(event.caseId()).orElse(null);
		if (c == null || c.sourceRef() == null || states.of(c.sourceRef()) == LeadState.CASE_OPENED) {
			return;
		}
		Actor by = record.entries(c.id()).stream().findFirst().map(e -> new Actor(e.actorId(), e.actorRole()))
			.orElse(Actor.SYSTEM);
		states.move(c.sourceRef(), LeadState.CASE_OPENED, by, "登记稽核案件 " + c.number());
	}
}
