package org.fundguard.penalties.process;

import static org.fundguard.penalties.PenaltyVariables.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.fundguard.calendar.Deadlines;
import org.fundguard.penalties.PenaltyDeadlines;
import org.fundguard.penalties.PenaltyDecisions;
import org.fundguard.penalties.PenaltyProcedure;
import org.fundguard.penalties.Penalties;
import org.fundguard.process.TaskGateway;
import org.fundguard.process.TaskValues;
import org.fundguard.record.Actor;
import org.springframework.stereotype.Component;

/**
 * The glue of bpmn/penalty-decision.bpmn (bean {@code penaltyDecisionSteps}): every expression passes the procedure's
 * id (its first step, the audit case's id) and, in a user task's listener, the task's id; each method calls one method
 * of the module. A listener reads what the task's form submitted through the task gateway, so the procedure's rules
 * (the penalty may not rise after the notice, a second extension needs a collective decision, ...) hold in FundGuard's
 * pages and in Camunda Tasklist alike.
 */
@Component("penaltyDecisionSteps")
public class PenaltyDecisionSteps {

	private final TaskGateway tasks;
	private final PenaltyProcedure procedure;
	private final PenaltyDeadlines deadlines;
	private final PenaltyDecisions decisions;
	private final Penalties penalties;
	private final Clock clock;

	PenaltyDecisionSteps(TaskGateway tasks, PenaltyProcedure procedure, PenaltyDeadlines deadlines,
			PenaltyDecisions decisions, Penalties penalties, Clock clock) {
		this.tasks = tasks;
		this.procedure = procedure;
		this.deadlines = deadlines;
		this.decisions = decisions;
		this.penalties = penalties;
		this.clock = clock;
	}

	// ---- service tasks ----

	/** What the factors field of a task's form shows (an input parameter of the task). */
	public String currentFactors(long penaltyId) {
		return procedure.currentFactors(penaltyId);
	}

	/** The first step: the procedure registers itself for the audit case that called it; returns its id. */
	public long register(long caseId) {
		return procedure.register(caseId);
	}

	public void issueNotice(long penaltyId) {
		procedure.issueNotice(penaltyId);
	}

	public void defenceLapsed(long penaltyId) {
		procedure.defencePeriodLapsed(penaltyId);
	}

	/** Records whether a legal review and a deliberation are needed; returns the latter, the former is asked for. */
	public boolean assess(long penaltyId) {
		return procedure.assess(penaltyId).deliberation();
	}

	public void markOverdue(long penaltyId) {
		deadlines.markOverdue(penaltyId);
	}

	public void serviceOverdue(long penaltyId) {
		decisions.serviceOverdue(penaltyId);
	}

	public void publishAtDeadline(long penaltyId) {
		decisions.publish(penaltyId, Actor.SYSTEM, true);
	}

	/** Puts the measures into force; returns whether money is owed. */
	public boolean applyMeasures(long penaltyId) {
		return decisions.applyMeasures(penaltyId);
	}

	/** Closes the procedure; returns how it ended, for the audit case. */
	public String close(long penaltyId) {
		return decisions.close(penaltyId).name();
	}

	/** How the procedure ended (a refused filing), for the audit case. */
	public String outcome(long penaltyId) {
		return penalties.get(penaltyId).status().name();
	}

	// ---- conditions, due dates and timers ----

	public boolean hearingToHold(long penaltyId) {
		return procedure.hearingToHold(penaltyId);
	}

	public boolean legalReviewRequired(long penaltyId) {
		return procedure.legalReviewRequired(penaltyId);
	}

	public boolean overdue(long penaltyId) {
		return deadlines.overdue(penaltyId);
	}

	public Date decisionDeadline(long penaltyId) {
		return deadlines.decisionDeadline(penaltyId);
	}

	public Date defenceEnds(long penaltyId) {
		return deadlines.defenceEnds(penaltyId);
	}

	public Date serviceDue(long penaltyId) {
		return decisions.serviceDue(penaltyId);
	}

	public Date publicationDue(long penaltyId) {
		return decisions.publicationDue(penaltyId);
	}

	public Date paymentDue(long penaltyId) {
		return decisions.paymentDue(penaltyId);
	}

	// ---- user tasks: complete listeners ----

	public void filingDecided(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		procedure.decideFiling(penaltyId, v.bool(FILING_APPROVED), v.text(FILING_OPINION), TaskActor.of(v));
	}

	public void investigated(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		procedure.investigate(penaltyId, v.text(INVESTIGATION_NOTE), v.bool(COMPLEX_CASE), List.of(),
				TaskActor.of(v));
	}

	/** The proposer is the investigator whom a legal review returns the penalty to. */
	public void proposed(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		Actor investigator = TaskActor.of(v);
		procedure.propose(penaltyId, factors(v), investigator);
		tasks.set(taskId, INVESTIGATOR, investigator.userId());
	}

	public void noticeServed(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		procedure.noticeServed(penaltyId, v.text(SERVICE_METHOD), TaskActor.of(v));
	}

	public void defenceRecorded(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		procedure.recordDefence(penaltyId, v.text(DEFENCE), v.bool(HEARING_REQUESTED), factorsIfGiven(v), TaskActor.of(v));
	}

	public void hearingHeld(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		procedure.holdHearing(penaltyId, v.text(HEARING_RECORD), factorsIfGiven(v), TaskActor.of(v));
	}

	public void deliberated(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		procedure.deliberate(penaltyId, v.text(DELIBERATION_CONCLUSION), TaskActor.of(v));
	}

	public void extensionDecided(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		deadlines.decideExtension(penaltyId, v.bool(EXTENSION_APPROVED), v.text(EXTENSION_REASON),
				v.bool(COLLECTIVE_DECISION), TaskActor.of(v));
	}

	public void decisionMade(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		decisions.decide(penaltyId, v.text(DECISION_NOTE), TaskActor.of(v));
	}

	public void decisionServed(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		decisions.served(penaltyId, v.text(SERVICE_METHOD), TaskActor.of(v));
	}

	public void published(long penaltyId, String taskId) {
		decisions.publish(penaltyId, TaskActor.of(tasks.values(taskId)), false);
	}

	/** A payment without a day was made today. */
	public void paymentRecorded(long penaltyId, String taskId) {
		TaskValues v = tasks.values(taskId);
		LocalDate paidOn = v.date(PAID_ON, "缴纳日期");
		decisions.recordPayment(penaltyId, v.decimal(PAID_AMOUNT, "缴纳金额"),
				paidOn == null ? LocalDate.now(clock.withZone(Deadlines.BUREAU_ZONE)) : paidOn, TaskActor.of(v));
	}

	static Set<String> factors(TaskValues v) {
		return new LinkedHashSet<>(v.list(FACTORS));
	}

	/** The factors the form submitted, or null when it submitted none (a form without the field). */
	static Set<String> factorsIfGiven(TaskValues v) {
		return v.raw(FACTORS) == null ? null : factors(v);
	}
}
