package org.fundguard.cases;

import org.fundguard.institutions.ProviderAgreements;
import org.fundguard.record.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the director's outcome decision; the process's service tasks call it with the case id only (what to do
 * is in the kept decision). The case's status is set here on entering and leaving the penalty procedure: the penalty
 * procedure itself never touches the case. (Its bean is not named {@code caseOutcomes}: that name belongs to what
 * audit cases of the models before issue 14 still call, see {@code cases.process.legacy}.)
 */
@Service("auditCaseOutcomes")
public class CaseOutcomes {

	/** How the penalty procedure ended, as the case's record says it. */
	public enum PenaltyEnd {
		/** The penalty decision was made and carried out. */
		CARRIED_OUT("行政处罚程序已结束：处罚决定已执行完毕"),
		/** The director did not file the penalty procedure. */
		NOT_FILED("行政处罚程序已结束：负责人决定不予立案"),
		/** Ended, how not said (procedures handed over before the penalty procedure reported its outcome). */
		ENDED("行政处罚程序已结束");

		private final String detail;

		PenaltyEnd(String detail) {
			this.detail = detail;
		}

		public String detail() {
			return detail;
		}
	}

	private final AuditCases cases;
	private final CaseDecisions decisions;
	private final ProviderAgreements agreements;

	CaseOutcomes(AuditCases cases, CaseDecisions decisions, ProviderAgreements agreements) {
		this.cases = cases;
		this.decisions = decisions;
		this.agreements = agreements;
	}

	@Transactional
	public void close(long caseId) {
		cases.changeStatus(caseId, CaseStatus.CLOSED, decider(caseId), "CASE_CLOSED", "结案");
	}

	/** The case enters the administrative-penalty procedure (its process calls it next). */
	@Transactional
	public void penaltyProcedureRequested(long caseId) {
		cases.changeStatus(caseId, CaseStatus.PENALTY, decider(caseId), "PENALTY_PROCEDURE_REQUESTED",
				"移交行政处罚程序，等待处罚程序结束");
	}

	/** The penalty procedure has ended; the case stays in it until it is closed. */
	@Transactional
	public void penaltyProcedureConcluded(long caseId, PenaltyEnd end) {
		cases.changeStatus(caseId, CaseStatus.PENALTY, Actor.SYSTEM, "PENALTY_PROCEDURE_CONCLUDED", end.detail());
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

	/** Who decided the outcome: the director, for the steps that carry the decision out. */
	public Actor decider(long caseId) {
		return decisions.latest(caseId, "OUTCOME").map(CaseDecisions.Decision::actor).orElse(Actor.SYSTEM);
	}
}
