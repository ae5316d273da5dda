package org.fundguard.cases;

import org.fundguard.institutions.ProviderAgreements;
import org.fundguard.record.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the director's outcome decision (bean {@code caseOutcomes}, called from the process's service tasks with
 * the case id only: what to do is in the kept decision).
 */
@Service("caseOutcomes")
public class CaseOutcomes {

	private final AuditCases cases;
	private final CaseDecisions decisions;
	private final ProviderAgreements agreements;
	private final ApplicationEventPublisher events;

	CaseOutcomes(AuditCases cases, CaseDecisions decisions, ProviderAgreements agreements, ApplicationEventPublisher events) {
		this.cases = cases;
		this.decisions = decisions;
		this.agreements = agreements;
		this.events = events;
	}

	@Transactional
	public void close(long caseId) {
		cases.changeStatus(caseId, CaseStatus.CLOSED, decider(caseId), "CASE_CLOSED", "结案");
	}

	/** Hands the findings to the administrative-penalty procedure; its process starts from the event. */
	@Transactional
	public void requestPenaltyProcedure(long caseId) {
		AuditCase c = cases.find(caseId).orElseThrow();
		Actor by = decider(caseId);
		cases.changeStatus(caseId, CaseStatus.PENALTY, by, "PENALTY_PROCEDURE_REQUESTED",
				"移交行政处罚程序，等待处罚程序结束");
		events.publishEvent(new PenaltyProcedureRequested(caseId, c.number(), by));
	}

	/** The penalty procedure has ended (its message arrived). */
	@Transactional
	public void penaltyProcedureConcluded(long caseId) {
		cases.changeStatus(caseId, CaseStatus.PENALTY, Actor.SYSTEM, "PENALTY_PROCEDURE_CONCLUDED", "行政处罚程序已结束");
	}

	/** Suspends the provider's service agreement for the decided period (暂停医保服务协议). */
	@Transactional
	public void suspendAgreement(long caseId) {
		AuditCase c = cases.find(caseId).orElseThrow();
		CaseDecisions.Decision d = decisions.latest(caseId, "OUTCOME")
			.filter(x -> Outcome.SUSPEND.name().equals(x.decision()))
			.orElseThrow(() -> new IllegalStateException("no suspension decided for case " + c.number()));
		var measure = agreements.suspend(c.subjectKey(), d.suspendFrom(), d.suspendUntil(),
				d.reason().isEmpty() ? "稽核案件 " + c.number() : d.reason(), c.number(), d.actor());
		cases.changeStatus(caseId, c.status(), d.actor(), "AGREEMENT_SUSPENDED", "暂停 " + c.subjectName() + "（"
				+ c.subjectKey() + "）医保服务协议 " + measure.from() + " 至 " + measure.until());
	}

	private Actor decider(long caseId) {
		return decisions.latest(caseId, "OUTCOME").map(CaseDecisions.Decision::actor).orElse(Actor.SYSTEM);
	}
}
