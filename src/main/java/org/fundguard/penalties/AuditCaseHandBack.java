package org.fundguard.penalties;

import org.camunda.bpm.engine.RuntimeService;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseStatus;
import org.fundguard.process.ProcessKeys;
import org.fundguard.process.ProcessVariables;
import org.fundguard.record.Actor;
import org.springframework.stereotype.Component;

/**
 * The hand-back to the audit case: correlates {@link ProcessKeys#MESSAGE_PENALTY_PROCEDURE_CONCLUDED} to whatever
 * waits for it with the same case id. Nothing waiting (a case opened before the audit-case process existed, or a
 * test) is no error; the case is then closed here when the penalty was carried out.
 */
@Component
class AuditCaseHandBack {

	private final RuntimeService runtime;
	private final AuditCases cases;

	AuditCaseHandBack(RuntimeService runtime, AuditCases cases) {
		this.runtime = runtime;
		this.cases = cases;
	}

	void concluded(PenaltyCase p) {
		int delivered = runtime.createMessageCorrelation(ProcessKeys.MESSAGE_PENALTY_PROCEDURE_CONCLUDED)
			.processInstanceVariableEquals(ProcessVariables.CASE_ID, p.caseId())
			.setVariable("penaltyOutcome", p.status().name())
			.correlateAllWithResult()
			.size();
		if (delivered == 0 && p.status() == PenaltyStatus.CLOSED) {
			cases.changeStatus(p.caseId(), CaseStatus.CLOSED, Actor.SYSTEM, "CASE_CLOSED",
					"行政处罚决定 " + p.decision().number() + " 执行完毕，案件办结");
		}
	}
}
