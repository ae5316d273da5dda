package org.fundguard.penalties.process.legacy;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.fundguard.cases.AuditCases;
import org.fundguard.cases.CaseStatus;
import org.fundguard.penalties.PenaltyCase;
import org.fundguard.penalties.PenaltyDeadlines;
import org.fundguard.penalties.PenaltyStatus;
import org.fundguard.penalties.PenaltyVariables;
import org.fundguard.penalties.Penalties;
import org.fundguard.penalties.process.PenaltyDecisionSteps;
import org.fundguard.record.Actor;
import org.springframework.stereotype.Component;

/**
 * What a penalty procedure started before issue 14 still names: bean {@code penaltySteps} of the old
 * penalty-decision.bpmn (kept in src/test/resources/legacy). Such a procedure was started on its own by the audit
 * case's hand-over event, while its audit case waits in a receive task, and it ends by correlating
 * {@code Message_PenaltyProcedureConcluded} to that case; today's model is called by the audit case and hands its
 * outcome back instead. So these procedures cannot move to the new version and finish on their own, every step of it
 * still possible. Each method does the step as today's glue does (the same module methods, the form read through the
 * task gateway) and then writes the variables only the old model routes on and waits for.
 * <p>
 * The old model's legal review (legal-review.bpmn, called "latest") runs on today's version: see
 * {@link LegalReviewVersions}.
 * <p>
 * Delete this package when no penalty-decision instance of a version deployed before issue 14 is left (Cockpit: the
 * versions whose model still has "通知稽核案件：处罚程序终结").
 */
@Component("penaltySteps")
public class PenaltyStepsBeforeIssue14 {

	/** The old model's variables, written for its conditions, timers and due dates. */
	static final String FILING_APPROVED = "filingApproved";
	static final String DECISION_DEADLINE = "decisionDeadline";
	static final String DEADLINE_OVERDUE = "deadlineOverdue";
	static final String DEFENCE_ENDS_AT = "defenceEndsAt";
	static final String HEARING_TO_HOLD = "hearingToHold";
	static final String LEGAL_REVIEW_REQUIRED = "legalReviewRequired";
	static final String COLLECTIVE_DELIBERATION = "collectiveDeliberation";
	static final String REVIEW_DUE_AT = "reviewDueAt";
	static final String EXTENSION_APPROVED = "extensionApproved";
	static final String COLLECTIVE_DECISION = "collectiveDecision";
	static final String DECIDED_AT = "decidedAt";
	static final String SERVICE_DUE_AT = "serviceDueAt";
	static final String PUBLICATION_DUE_AT = "publicationDueAt";
	static final String PAYMENT_DUE_AT = "paymentDueAt";
	static final String PAYMENT_REQUIRED = "paymentRequired";

	/** The message the old audit case waits for, correlated by its caseId. */
	static final String MESSAGE_PENALTY_PROCEDURE_CONCLUDED = "Message_PenaltyProcedureConcluded";

	private final PenaltyDecisionSteps steps;
	private final PenaltyDeadlines deadlines;
	private final Penalties penalties;
	private final RuntimeService runtime;
	private final AuditCases cases;

	PenaltyStepsBeforeIssue14(PenaltyDecisionSteps steps, PenaltyDeadlines deadlines, Penalties penalties,
			RuntimeService runtime, AuditCases cases) {
		this.steps = steps;
		this.deadlines = deadlines;
		this.penalties = penalties;
		this.runtime = runtime;
		this.cases = cases;
	}

	// ---- user tasks (complete listeners) ----

	public void filingDecided(DelegateTask task) {
		long id = penaltyId(task);
		steps.filingDecided(id, task.getId());
		boolean approved = Boolean.TRUE.equals(task.getVariable(FILING_APPROVED));
		task.setVariable(FILING_APPROVED, approved);
		task.setVariable(DEADLINE_OVERDUE, false);
		if (approved) {
			task.setVariable(DECISION_DEADLINE, steps.decisionDeadline(id));
		}
	}

	public void investigated(DelegateTask task) {
		steps.investigated(penaltyId(task), task.getId());
	}

	public void proposed(DelegateTask task) {
		steps.proposed(penaltyId(task), task.getId());
	}

	public void noticeServed(DelegateTask task) {
		long id = penaltyId(task);
		steps.noticeServed(id, task.getId());
		task.setVariable(DEFENCE_ENDS_AT, steps.defenceEnds(id));
	}

	public void defenceRecorded(DelegateTask task) {
		long id = penaltyId(task);
		steps.defenceRecorded(id, task.getId());
		task.setVariable(HEARING_TO_HOLD, steps.hearingToHold(id));
	}

	public void hearingHeld(DelegateTask task) {
		steps.hearingHeld(penaltyId(task), task.getId());
	}

	public void deliberated(DelegateTask task) {
		steps.deliberated(penaltyId(task), task.getId());
	}

	public void extensionDecided(DelegateTask task) {
		long id = penaltyId(task);
		steps.extensionDecided(id, task.getId());
		task.setVariable(EXTENSION_APPROVED, Boolean.TRUE.equals(task.getVariable(EXTENSION_APPROVED)));
		task.setVariable(DECISION_DEADLINE, steps.decisionDeadline(id));
		task.setVariable(COLLECTIVE_DECISION, false);
	}

	public void decisionMade(DelegateTask task) {
		long id = penaltyId(task);
		steps.decisionMade(id, task.getId());
		task.setVariable(DECIDED_AT, Date.from(penalties.get(id).decision().decidedAt().toInstant()));
		task.setVariable(SERVICE_DUE_AT, steps.serviceDue(id));
		task.setVariable(PUBLICATION_DUE_AT, steps.publicationDue(id));
	}

	public void decisionServed(DelegateTask task) {
		long id = penaltyId(task);
		steps.decisionServed(id, task.getId());
		task.setVariable(PAYMENT_DUE_AT, steps.paymentDue(id));
	}

	public void published(DelegateTask task) {
		steps.published(penaltyId(task), task.getId());
	}

	public void paymentRecorded(DelegateTask task) {
		steps.paymentRecorded(penaltyId(task), task.getId());
	}

	// ---- service tasks ----

	public void issueNotice(DelegateExecution execution) {
		steps.issueNotice(penaltyId(execution));
	}

	public void defenceLapsed(DelegateExecution execution) {
		steps.defenceLapsed(penaltyId(execution));
		execution.setVariable(HEARING_TO_HOLD, false);
	}

	public void assess(DelegateExecution execution) {
		long id = penaltyId(execution);
		execution.setVariable(COLLECTIVE_DELIBERATION, steps.assess(id));
		boolean review = steps.legalReviewRequired(id);
		execution.setVariable(LEGAL_REVIEW_REQUIRED, review);
		if (review) {
			execution.setVariable(REVIEW_DUE_AT, deadlines.reviewDue(id));
		}
	}

	public void markOverdue(DelegateExecution execution) {
		execution.setVariable(DEADLINE_OVERDUE, deadlines.markOverdue(penaltyId(execution)));
	}

	public void serviceOverdue(DelegateExecution execution) {
		steps.serviceOverdue(penaltyId(execution));
	}

	public void publishAtDeadline(DelegateExecution execution) {
		steps.publishAtDeadline(penaltyId(execution));
	}

	public void applyMeasures(DelegateExecution execution) {
		execution.setVariable(PAYMENT_REQUIRED, steps.applyMeasures(penaltyId(execution)));
	}

	public void close(DelegateExecution execution) {
		steps.close(penaltyId(execution));
	}

	/**
	 * The last step of both old paths: hands the outcome to the audit case waiting in its receive task. A procedure
	 * nobody waits for (one started by hand from the penalty pages, which no longer exist) closed the case itself when
	 * it was carried out, as it always did; today only the audit case's own process sets its status.
	 */
	public void concludeForAuditCase(DelegateExecution execution) {
		PenaltyCase p = penalties.get(penaltyId(execution));
		int delivered = runtime.createMessageCorrelation(MESSAGE_PENALTY_PROCEDURE_CONCLUDED)
			.processInstanceVariableEquals(PenaltyVariables.CASE_ID, p.caseId())
			.setVariable(PenaltyVariables.PENALTY_OUTCOME, p.status().name())
			.correlateAllWithResult()
			.size();
		if (delivered == 0 && p.status() == PenaltyStatus.CLOSED) {
			cases.changeStatus(p.caseId(), CaseStatus.CLOSED, Actor.SYSTEM, "CASE_CLOSED",
					"行政处罚决定 " + p.decision().number() + " 执行完毕，案件办结");
		}
	}

	private static long penaltyId(VariableScope scope) {
		return ((Number) scope.getVariable(PenaltyVariables.PENALTY_ID)).longValue();
	}
}
