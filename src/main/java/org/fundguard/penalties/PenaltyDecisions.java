package org.fundguard.penalties;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import org.fundguard.calendar.Deadlines;
import org.fundguard.cases.SubjectType;
import org.fundguard.errors.Refused;
import org.fundguard.penalties.PenaltiesProperties.MeasureKind;
import org.fundguard.institutions.ProviderAgreements;
import org.fundguard.record.Actor;
import org.fundguard.record.EnforcementRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision and what follows it: the decision document, service, publication, the agreement measures, payment
 * with its late surcharge, closing, and the choice of typical cases for public exposure.
 */
@Service
public class PenaltyDecisions {

	/** Dates the process waits for once the decision is made. */
	public record Decided(Date decidedAt, Date serviceDue, Date publicationDue) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Penalties penalties;
	private final EnforcementRecord record;
	private final PenaltiesProperties config;
	private final Deadlines deadlines;
	private final PenaltyDocuments documents;
	private final ProviderAgreements agreements;
	private final ApplicationEventPublisher events;
	private final org.fundguard.cases.AuditCases cases;

	PenaltyDecisions(JdbcClient jdbc, Clock clock, Penalties penalties, EnforcementRecord record,
			PenaltiesProperties config, Deadlines deadlines, PenaltyDocuments documents, ProviderAgreements agreements,
			ApplicationEventPublisher events, org.fundguard.cases.AuditCases cases) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.clock = clock;
		this.penalties = penalties;
		this.record = record;
		this.config = config;
		this.deadlines = deadlines;
		this.documents = documents;
		this.agreements = agreements;
		this.events = events;
	}

	/** 作出处罚决定: numbers and generates the decision (决定书), HTML and PDF, with their hashes in the record. */
	@Transactional
	public Decided decide(long id, String note, Actor director) {
		PenaltyCase p = penalties.get(id);
		if (p.decision().made()) {
			throw Refused.conflict("penalties.decision.already", p.decision().number());
		}
		if (!p.notice().issued() || p.notice().servedAt() == null) {
			throw Refused.conflict("penalties.decision.not-heard");
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
		PenaltyDocuments.Issued decision = documents.decision(p, now);
		jdbc.sql("""
				update penalty_case set decision_number = ?, decision_html_id = ?, decision_pdf_id = ?, decided_at = ?,
				decided_by = ?, status = ? where id = ?""")
			.params(decision.number(), decision.html().id(), decision.pdf().id(), now, director.userId(),
					PenaltyStatus.DECIDED.name(), id)
			.update();
		Date decidedAt = Date.from(now.toInstant());
		Date serviceDue = deadlines.afterDays(now, config.periods().serviceDays());
		Date publicationDue = deadlines.afterWorkingDays(now, config.periods().publicationWorkingDays());
		record.append(p.caseId(), director, "DECISION_MADE", "作出行政处罚决定 " + decision.number() + "：" + PenaltyProcedure.text(note)
				+ "；应于 " + deadlines.lastDayOf(serviceDue) + " 前送达，" + deadlines.lastDayText(publicationDue) + " 前公示",
				List.of(decision.html().sha256(), decision.pdf().sha256()));
		// in this transaction: the recovery ledger books the ordered return with the decision or not at all
		events.publishEvent(new PenaltyDecided(id, p.caseNumber(), decision.number(), p.partyType() == SubjectType.INSTITUTION,
				p.partyKey(), p.partyName(), p.proposal().article(),
				p.proposal().recovery() == null ? BigDecimal.ZERO : p.proposal().recovery(),
				p.proposal().fine() == null ? BigDecimal.ZERO : p.proposal().fine(),
				now.atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate(), leadOf(p.caseId())));
		return new Decided(decidedAt, serviceDue, publicationDue);
	}

	/** The end of the period for serving the decision: {@code service-days} after it was made. */
	public Date serviceDue(long id) {
		return deadlines.afterDays(decided(id).decision().decidedAt(), config.periods().serviceDays());
	}

	/** The end of the period for publishing the decision: {@code publication-working-days} after it was made. */
	public Date publicationDue(long id) {
		return deadlines.afterWorkingDays(decided(id).decision().decidedAt(), config.periods().publicationWorkingDays());
	}

	/** The day payment is due, to its end: {@code payment-days} after the decision was served. */
	public Date paymentDue(long id) {
		LocalDate due = decided(id).enforcement().paymentDue();
		if (due == null) {
			throw new IllegalStateException("the decision of penalty " + id + " is not served");
		}
		return deadlines.afterDays(due, 0);
	}

	/** 送达: the decision reached the party; payment is due within the configured days. Returns the payment due date. */
	@Transactional
	public Date served(long id, String method, Actor inspector) {
		PenaltyCase p = decided(id);
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
		LocalDate due = now.atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate().plusDays(config.periods().paymentDays());
		jdbc.sql("update penalty_case set served_at = ?, payment_due = ? where id = ?").params(now, due, id).update();
		record.append(p.caseId(), inspector, "DECISION_SERVED", "送达行政处罚决定书 " + p.decision().number() + "（"
				+ PenaltyProcedure.text(method) + "）；应于 " + due + " 前缴纳");
		return deadlines.afterDays(due, 0);
	}

	/** The service deadline passed before the decision was served: recorded so that the delay is visible. */
	@Transactional
	public void serviceOverdue(long id) {
		PenaltyCase p = decided(id);
		record.append(p.caseId(), Actor.SYSTEM, "DECISION_SERVICE_OVERDUE",
				"处罚决定作出后 " + config.periods().serviceDays() + " 日内尚未送达，请尽快送达");
	}

	/** 公示: the decision appears on the public page. Publishing twice changes nothing. */
	@Transactional
	public void publish(long id, Actor actor, boolean atDeadline) {
		PenaltyCase p = decided(id);
		if (p.decision().publishedAt() != null) {
			return;
		}
		jdbc.sql("update penalty_case set published_at = ? where id = ?")
			.params(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), id)
			.update();
		record.append(p.caseId(), actor, "DECISION_PUBLISHED", "在公众服务页面公示行政处罚决定 " + p.decision().number()
				+ (atDeadline ? "（公示期限届满，系统自动公示）" : "") + (p.partyType() == SubjectType.PERSON ? "；当事人姓名已隐去" : ""));
	}

	/**
	 * Puts the agreement measure into force from the day of service: the provider's agreement is suspended or
	 * terminated, or the person's settlement suspended. Returns whether money is due.
	 */
	@Transactional
	public boolean applyMeasures(long id) {
		PenaltyCase p = decided(id);
		var pr = p.proposal();
		LocalDate from = (p.decision().servedAt() != null ? p.decision().servedAt() : p.decision().decidedAt())
			.atZoneSameInstant(Deadlines.BUREAU_ZONE).toLocalDate();
		String reason = "行政处罚决定 " + p.decision().number();
		LocalDate until = pr.termination() || !pr.hasMeasure() ? null : from.plusMonths(pr.measureMonths()).minusDays(1);
		if (pr.hasMeasure()) {
			if (p.partyType() == SubjectType.INSTITUTION) {
				if (pr.termination()) {
					agreements.terminate(p.partyKey(), from, reason, p.caseNumber(), Actor.SYSTEM);
				}
				else {
					agreements.suspend(p.partyKey(), from, until, reason, p.caseNumber(), Actor.SYSTEM);
				}
			}
			jdbc.sql("update penalty_case set measure_from = ?, measure_until = ? where id = ?").params(from, until, id).update();
			record.append(p.caseId(), Actor.SYSTEM, "MEASURES_APPLIED", (pr.termination() ? "解除医保服务协议，自 " + from + " 起"
					: (pr.measure() == MeasureKind.SUSPEND_SETTLEMENT ? "暂停当事人医疗费用联网结算" : "暂停医保服务协议") + "，自 " + from
							+ " 至 " + until));
		}
		jdbc.sql("update penalty_case set status = ? where id = ?").params(PenaltyStatus.ENFORCING.name(), id).update();
		return pr.total().signum() > 0;
	}

	/** What is owed if paid on that day: the loss, the fine and the late surcharge on the fine. */
	public Payment owed(long id, LocalDate paidOn) {
		PenaltyCase p = decided(id);
		LocalDate due = p.enforcement().paymentDue() == null ? paidOn : p.enforcement().paymentDue();
		BigDecimal surcharge = LatePayment.surcharge(p.proposal().fine(), due, paidOn, config.latePayment());
		return new Payment(p.proposal().recovery(), p.proposal().fine(), surcharge, LatePayment.daysLate(due, paidOn), due);
	}

	public record Payment(BigDecimal recovery, BigDecimal fine, BigDecimal surcharge, long daysLate, LocalDate due) {
		public BigDecimal total() {
			return recovery.add(fine).add(surcharge);
		}
	}

	/** Records the payment; less than what is owed is refused. */
	@Transactional
	public Payment recordPayment(long id, BigDecimal amount, LocalDate paidOn, Actor inspector) {
		PenaltyCase p = decided(id);
		Payment owed = owed(id, paidOn);
		if (amount == null || amount.compareTo(owed.total()) < 0) {
			throw Refused.because("penalties.payment.too-little", Yuan.format(amount), Yuan.format(owed.total()),
					Yuan.format(owed.recovery()), Yuan.format(owed.fine()), Yuan.format(owed.surcharge()));
		}
		jdbc.sql("update penalty_case set paid_on = ?, paid_amount = ?, late_surcharge = ? where id = ?")
			.params(paidOn, amount, owed.surcharge(), id)
			.update();
		record.append(p.caseId(), inspector, "PAYMENT_RECORDED", "当事人于 " + paidOn + " 缴纳 " + Yuan.format(amount) + "（退回 "
				+ Yuan.format(owed.recovery()) + "，罚款 " + Yuan.format(owed.fine()) + (owed.daysLate() > 0 ? "，逾期 "
						+ owed.daysLate() + " 日加处罚款 " + Yuan.format(owed.surcharge()) : "") + "）");
		return owed;
	}

	/** Closes the procedure; returns how it ended ({@link PenaltyStatus#CLOSED}). */
	@Transactional
	public PenaltyStatus close(long id) {
		PenaltyCase p = penalties.get(id);
		jdbc.sql("update penalty_case set status = ?, closed_at = ? where id = ?")
			.params(PenaltyStatus.CLOSED.name(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), id)
			.update();
		record.append(p.caseId(), Actor.SYSTEM, "PENALTY_CLOSED", "行政处罚执行完毕，结案");
		return PenaltyStatus.CLOSED;
	}

	/** 公开曝光: a director picks a published decision as a typical case, or takes it back. */
	@Transactional
	public void expose(long id, boolean exposed, String note, Actor director) {
		PenaltyCase p = penalties.get(id);
		if (p.decision().publishedAt() == null) {
			throw Refused.conflict("penalties.exposure.not-published");
		}
		jdbc.sql("update penalty_case set exposed = ?, exposure_note = ? where id = ?").params(exposed, note, id).update();
		record.append(p.caseId(), director, exposed ? "PUBLIC_EXPOSURE" : "PUBLIC_EXPOSURE_WITHDRAWN",
				exposed ? "选为典型案例公开曝光：" + PenaltyProcedure.text(note) : "撤回典型案例曝光");
	}

	private PenaltyCase decided(long id) {
		PenaltyCase p = penalties.get(id);
		if (!p.decision().made()) {
			throw Refused.conflict("penalties.decision.not-made");
		}
		return p;
	}

	/** The lead a case was opened from, so the ledger does not deduct twice what its confirmed signals recovered. */
	private String leadOf(long caseId) {
		return cases.find(caseId).filter(c -> c.source() == org.fundguard.cases.CaseSource.LEAD).map(c -> c.sourceRef())
			.orElse(null);
	}
}
