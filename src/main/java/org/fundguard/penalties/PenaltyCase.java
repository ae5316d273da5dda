package org.fundguard.penalties;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.fundguard.identity.PersonalData;
import org.fundguard.cases.SubjectType;
import org.fundguard.penalties.PenaltiesProperties.MeasureKind;

/**
 * A penalty procedure (行政处罚案件) as pages and the process read it. The audit case keeps the facts; this keeps the
 * procedure's state: filing, the current proposal, the notified ceiling, the decision, service, publication and
 * enforcement.
 */
public record PenaltyCase(long id, long caseId, String caseNumber, PenaltyStatus status,
		SubjectType partyType, String partyKey, String partyName, OffsetDateTime requestedAt, OffsetDateTime filedAt,
		OffsetDateTime decisionDeadline, int extendedDays, boolean overdue, boolean complex, String investigationNote,
		Proposal proposal, Notice notice, String defence, boolean hearingRequested, boolean hearingHeld,
		String hearingRecord, String deliberation, Decision decision, Enforcement enforcement) {

	/** The current proposal, or all nulls before one is made. */
	public record Proposal(List<String> factors, String article, BigDecimal recovery, BigDecimal base,
			BigDecimal multiple, BigDecimal fine, MeasureKind measure, int measureMonths, boolean termination,
			List<String> computation, String proposedBy, OffsetDateTime proposedAt) {

		public boolean exists() {
			return article != null;
		}

		public boolean hasMeasure() {
			return termination || (measure != null && measure != MeasureKind.NONE && measureMonths > 0);
		}

		public String measureText() {
			if (termination) {
				return "解除医保服务协议";
			}
			return hasMeasure() ? measure.label() + " " + measureMonths + " 个月" : "无";
		}

		public BigDecimal total() {
			return recovery == null ? null : recovery.add(fine);
		}
	}

	/** The notice (告知书) and the ceiling it set. */
	public record Notice(String number, String htmlId, String pdfId, OffsetDateTime servedAt, BigDecimal fine,
			Integer months, Boolean termination, Boolean measure) {

		public boolean issued() {
			return number != null;
		}
	}

	public record Decision(String number, String htmlId, String pdfId, OffsetDateTime decidedAt, String decidedBy,
			OffsetDateTime servedAt, OffsetDateTime publishedAt, boolean exposed, String exposureNote) {

		public boolean made() {
			return number != null;
		}
	}

	public record Enforcement(LocalDate measureFrom, LocalDate measureUntil, LocalDate paymentDue, LocalDate paidOn,
			BigDecimal paidAmount, BigDecimal lateSurcharge, OffsetDateTime closedAt) {
	}

	/** The party's name as the public may read it: institutions named, persons masked (张*). */
	public String publicPartyName() {
		return partyType == SubjectType.PERSON ? maskPerson(partyName) : partyName;
	}

	static String maskPerson(String name) {
		if (name == null || name.isBlank()) {
			return "*";
		}
		return PersonalData.maskName(name);
	}
}
