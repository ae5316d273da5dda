package org.fundguard.inspections;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One drawn institution's inspection: its team, its on-site record and result, and its publication.
 *
 * @param status DRAWN, RECORDED or PUBLISHED
 * @param team the team's members with masked names, in draw order
 */
public record Inspection(long id, long planId, long drawId, int seq, String providerCode, String providerName,
		String providerType, String providerLevel, String providerRegion, String stratum, String status,
		InspectionResult result, String resultNote, String recordDocumentId, String recordSha256, String recordedBy,
		OffsetDateTime recordedAt, String caseNumber, OffsetDateTime publicationDue, boolean publicationOverdue,
		String publishedBy, OffsetDateTime publishedAt, List<Member> team) {

	/** A team member as pages show them: id, masked name, unit, certificate number (执法证号) and the unit's region. */
	public record Member(String inspectorId, String maskedName, String unit, String certificateNo, String region) {

		public Member(String inspectorId, String maskedName, String unit, String certificateNo) {
			this(inspectorId, maskedName, unit, certificateNo, "");
		}

		/** 济南市（3701）, as a provincial plan shows where each member comes from. */
		public String cityLabel() {
			return Cities.label(region);
		}
	}

	/**
	 * The bureau a further-handling case of this inspection belongs to: the institution's city (its region decides who
	 * sees and works the case), named as the plan page shows it.
	 */
	public String homeBureau() {
		return Cities.bureau(providerRegion);
	}

	public String statusLabel() {
		return switch (status) {
			case "DRAWN" -> "待检查";
			case "RECORDED" -> publicationOverdue ? "已检查，结果公示逾期" : "已检查，待公示";
			case "PUBLISHED" -> "结果已公示";
			default -> status;
		};
	}
}
