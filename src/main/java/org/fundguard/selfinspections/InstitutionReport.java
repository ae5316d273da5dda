package org.fundguard.selfinspections;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One institution in a self-inspection's scope and its answer: what it found (free text), the hits (signal ids) and
 * rules it reports, the money it refunds (yuan). Its id is the {@link SelfInspectionRefunded#reportId()}.
 */
public record InstitutionReport(long id, long selfInspectionId, String providerCode, String providerName, Status status,
		String found, List<String> reportedHits, List<String> reportedRules, BigDecimal refunded, String reportedBy,
		OffsetDateTime reportedAt) {

	public enum Status {
		AWAITING("待报告"), REPORTED("已报告"), OVERDUE("逾期未报告");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Refunded money, zero when none (or not reported). */
	public BigDecimal refundedOrZero() {
		return refunded == null ? BigDecimal.ZERO : refunded;
	}
}
