package org.fundguard.penalties;

import static org.fundguard.process.ProcessVariables.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.fundguard.calendar.Deadlines;
import org.fundguard.penalties.review.LegalReviews;
import org.fundguard.penalties.review.TaskActors;
import org.fundguard.record.Actor;
import org.springframework.stereotype.Component;

/**
 * The penalty processes' glue, called from expressions in penalty-decision.bpmn and legal-review.bpmn: each method
 * reads ids and form fields from variables, calls one method of the procedure, and writes back the little the process
 * routes on. Task listeners run on completion, so the same rules hold in FundGuard's pages and in Camunda Tasklist;
 * an exception refuses the completion.
 */
@Component("penaltySteps")
public class PenaltySteps {

	private final PenaltyProcedure procedure;
	private final PenaltyDecisions decisions;
	private final Penalties penalties;
	private final LegalReviews reviews;
	private final AuditCaseHandBack handBack;
	private final Clock clock;

	PenaltySteps(PenaltyProcedure procedure, PenaltyDecisions decisions, Penalties penalties, LegalReviews reviews,
			AuditCaseHandBack handBack, Clock clock) {
		this.procedure = procedure;
		this.decisions = decisions;
		this.penalties = penalties;
		this.reviews = reviews;
		this.handBack = handBack;
		this.clock = clock;
	}

	// ---- user tasks (complete listeners) ----

	public void filingDecided(DelegateTask task) {
		boolean approved = Boolean.TRUE.equals(task.getVariable(FILING_APPROVED));
		Date deadline = procedure.decideFiling(penaltyId(task), approved, text(task, FILING_OPINION), TaskActors.of(task));
		task.setVariable(FILING_APPROVED, approved);
		task.setVariable(DEADLINE_OVERDUE, false);
		if (deadline != null) {
			task.setVariable(DECISION_DEADLINE, deadline);
		}
	}

	public void investigated(DelegateTask task) {
		boolean complex = Boolean.TRUE.equals(task.getVariable(COMPLEX_CASE));
		procedure.investigate(penaltyId(task), text(task, INVESTIGATION_NOTE), complex, List.of(), TaskActors.of(task));
		task.setVariable(COMPLEX_CASE, complex);
	}

	public void proposed(DelegateTask task) {
		Actor actor = TaskActors.of(task);
		procedure.propose(penaltyId(task), factors(task), actor);
		task.setVariable(INVESTIGATOR, actor.userId());
	}

	public void noticeServed(DelegateTask task) {
		task.setVariable(DEFENCE_ENDS_AT, procedure.noticeServed(penaltyId(task), text(task, SERVICE_METHOD), TaskActors.of(task)));
	}

	public void defenceRecorded(DelegateTask task) {
		long id = penaltyId(task);
		boolean hold = procedure.recordDefence(id, text(task, DEFENCE), Boolean.TRUE.equals(task.getVariable(HEARING_REQUESTED)),
				changedFactors(id, task), TaskActors.of(task));
		task.setVariable(HEARING_TO_HOLD, hold);
	}

	public void hearingHeld(DelegateTask task) {
		long id = penaltyId(task);
		procedure.holdHearing(id, text(task, HEARING_RECORD), changedFactors(id, task), TaskActors.of(task));
	}

	/** Task_RevisePenalty in legal-review.bpmn: the investigator answers the reviewer's opinions and resubmits. */
	public void revisedAfterReview(DelegateTask task) {
		long id = penaltyId(task);
		Actor actor = TaskActors.of(task);
		Set<String> changed = changedFactors(id, task);
		if (changed != null) {
			procedure.propose(id, changed, actor);
		}
		reviews.resubmit(id, penalties.get(id).caseId(), actor, text(task, REVISION));
	}

	public void deliberated(DelegateTask task) {
		procedure.deliberate(penaltyId(task), text(task, DELIBERATION_CONCLUSION), TaskActors.of(task));
	}

	public void extensionDecided(DelegateTask task) {
		boolean approved = Boolean.TRUE.equals(task.getVariable(EXTENSION_APPROVED));
		Date deadline = procedure.decideExtension(penaltyId(task), approved, text(task, EXTENSION_REASON),
				Boolean.TRUE.equals(task.getVariable(COLLECTIVE_DECISION)), TaskActors.of(task));
		task.setVariable(EXTENSION_APPROVED, approved);
		task.setVariable(DECISION_DEADLINE, deadline);
		task.setVariable(COLLECTIVE_DECISION, false);
	}

	public void decisionMade(DelegateTask task) {
		PenaltyDecisions.Decided d = decisions.decide(penaltyId(task), text(task, DECISION_NOTE), TaskActors.of(task));
		task.setVariable(DECIDED_AT, d.decidedAt());
		task.setVariable(SERVICE_DUE_AT, d.serviceDue());
		task.setVariable(PUBLICATION_DUE_AT, d.publicationDue());
	}

	public void decisionServed(DelegateTask task) {
		task.setVariable(PAYMENT_DUE_AT, decisions.served(penaltyId(task), text(task, SERVICE_METHOD), TaskActors.of(task)));
	}

	public void published(DelegateTask task) {
		decisions.publish(penaltyId(task), TaskActors.of(task), false);
	}

	public void paymentRecorded(DelegateTask task) {
		Object on = task.getVariable(PAID_ON);
		LocalDate paidOn = on == null || on.toString().isBlank() ? LocalDate.now(clock.withZone(Deadlines.BUREAU_ZONE))
				: on instanceof Date d ? d.toInstant().atZone(Deadlines.BUREAU_ZONE).toLocalDate()
						: LocalDate.parse(on.toString().substring(0, 10));
		Object amount = task.getVariable(PAID_AMOUNT);
		BigDecimal paid = amount == null || amount.toString().isBlank() ? null : new BigDecimal(amount.toString().strip());
		decisions.recordPayment(penaltyId(task), paid, paidOn, TaskActors.of(task));
	}

	// ---- service tasks ----

	public void issueNotice(DelegateExecution execution) {
		procedure.issueNotice(penaltyId(execution));
	}

	public void defenceLapsed(DelegateExecution execution) {
		procedure.defencePeriodLapsed(penaltyId(execution));
		execution.setVariable(HEARING_TO_HOLD, false);
	}

	public void assess(DelegateExecution execution) {
		Assessment a = procedure.assess(penaltyId(execution));
		execution.setVariable(LEGAL_REVIEW_REQUIRED, a.legalReview());
		execution.setVariable(COLLECTIVE_DELIBERATION, a.deliberation());
		if (a.legalReview()) {
			execution.setVariable(REVIEW_DUE_AT, procedure.reviewDue());
		}
	}

	public void markOverdue(DelegateExecution execution) {
		execution.setVariable(DEADLINE_OVERDUE, procedure.markOverdue(penaltyId(execution)));
	}

	public void serviceOverdue(DelegateExecution execution) {
		decisions.serviceOverdue(penaltyId(execution));
	}

	public void publishAtDeadline(DelegateExecution execution) {
		decisions.publish(penaltyId(execution), Actor.SYSTEM, true);
	}

	public void applyMeasures(DelegateExecution execution) {
		execution.setVariable(PAYMENT_REQUIRED, decisions.applyMeasures(penaltyId(execution)));
	}

	public void close(DelegateExecution execution) {
		decisions.close(penaltyId(execution));
	}

	/** The last step of every path: tells the audit case that handed the case over that the procedure has ended. */
	public void concludeForAuditCase(DelegateExecution execution) {
		handBack.concluded(penalties.get(penaltyId(execution)));
	}

	// ---- reading variables ----

	private Set<String> changedFactors(long id, DelegateTask task) {
		Object value = task.getVariable(FACTORS);
		if (value == null) {
			return null;
		}
		Set<String> chosen = parse(value.toString());
		Set<String> current = new LinkedHashSet<>(penalties.get(id).proposal().factors());
		return chosen.equals(current) ? null : chosen;
	}

	private static Set<String> factors(DelegateTask task) {
		Object value = task.getVariable(FACTORS);
		return value == null ? Set.of() : parse(value.toString());
	}

	static Set<String> parse(String codes) {
		Set<String> set = new LinkedHashSet<>();
		Arrays.stream(codes.split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
		return set;
	}

	private static long penaltyId(DelegateTask task) {
		return ((Number) task.getVariable(PENALTY_ID)).longValue();
	}

	private static long penaltyId(DelegateExecution execution) {
		return ((Number) execution.getVariable(PENALTY_ID)).longValue();
	}

	private static String text(DelegateTask task, String name) {
		Object v = task.getVariable(name);
		return v == null ? null : v.toString();
	}
}
