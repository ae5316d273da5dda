package org.fundguard.rechecks;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One sampled item of a re-check draw and where its re-check stands.
 *
 * @param kind CASE (a closed audit case, {@code caseNumber} set) or INSPECTION (a recorded inspection result,
 *     {@code inspectionId} set)
 * @param providerCode the institution's code, or "" when the case's subject is a person (never published)
 * @param reviewers the drawn inspectors' ids, in draw order
 * @param status AWAITING, SIGN_OFF (awaiting the director) or DONE
 */
public record RecheckItem(long id, long drawId, int seq, String kind, String itemCode, String caseNumber,
		Long inspectionId, String providerCode, String region, List<String> reviewers, OffsetDateTime due, String status,
		RecheckOutcome outcome, String outcomeNote, String recordedBy, OffsetDateTime recordedAt, String signedOffBy,
		OffsetDateTime signedOffAt, boolean overdue) {

	public String kindLabel() {
		return "CASE".equals(kind) ? RecheckCandidates.CASE_TYPE : RecheckCandidates.INSPECTION_TYPE;
	}

	public String subjectLabel() {
		return "CASE".equals(kind) ? "案件 " + caseNumber : "检查记录 " + inspectionId;
	}

	public String statusLabel() {
		String label = switch (status) {
			case "AWAITING" -> "待复查";
			case "SIGN_OFF" -> "待局长审核";
			case "DONE" -> "已完成";
			default -> status;
		};
		return overdue && !"DONE".equals(status) ? label + "（已逾期）" : label;
	}
}
