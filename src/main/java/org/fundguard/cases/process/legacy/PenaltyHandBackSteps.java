package org.fundguard.cases.process.legacy;

import org.fundguard.cases.CaseOutcomes;
import org.fundguard.cases.CaseOutcomes.PenaltyEnd;
import org.springframework.stereotype.Component;

/**
 * What an audit case handed over before issue 14 still names (bean {@code caseOutcomes} of the old audit-case.bpmn,
 * kept in src/test/resources/legacy). Such a case waits in the receive task {@code Task_AwaitPenaltyProcedure}, which
 * today's model no longer has, so it cannot move to the new version and finishes on its own: its penalty procedure,
 * also on its old version, correlates {@code Message_PenaltyProcedureConcluded} when it ends (see
 * {@code penalties.process.legacy}), and the old model then runs {@code Task_RecordPenaltyProcedureConcluded} and
 * {@code Task_CloseCase}, that is these two methods. Every other step of the old model belongs to cases that move to
 * the new version at start-up.
 * <p>
 * Delete this package when no audit-case instance of a version deployed before issue 14 is left (Cockpit: none
 * waiting in "等待行政处罚程序").
 */
@Component("caseOutcomes")
public class PenaltyHandBackSteps {

	private final CaseOutcomes outcomes;

	PenaltyHandBackSteps(CaseOutcomes outcomes) {
		this.outcomes = outcomes;
	}

	/** Task_RecordPenaltyProcedureConcluded of the old model. */
	public void penaltyProcedureConcluded(long caseId) {
		outcomes.penaltyProcedureConcluded(caseId, PenaltyEnd.ENDED);
	}

	/** Task_CloseCase of the old model. */
	public void close(long caseId) {
		outcomes.close(caseId);
	}
}
