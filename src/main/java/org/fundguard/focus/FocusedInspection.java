package org.fundguard.focus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One focused inspection of a fund (pooling region + scheme), opened from one fund lead: the analysis's findings, the
 * inspection plan it started, the assessment, the resolution measures with their deadline and the director's sign-off.
 *
 * @param returns how many times the director returned the resolution for rework
 */
public record FocusedInspection(long id, String leadId, String region, String insuranceType, List<String> ruleIds,
		LocalDate windowFrom, LocalDate windowTo, FocusStatus status, String processInstanceId, String openedBy,
		OffsetDateTime openedAt, String findings, String analysedBy, Long planId, String proceedNote, RiskLevel riskLevel,
		String causes, String measures, OffsetDateTime measuresDue, String signOffOpinion, String signedOffBy,
		OffsetDateTime signedOffAt, int returns) {

	/** The fund as the rules name it, the party key of its leads: region|insurance type. */
	public String fund() {
		return region + "|" + insuranceType;
	}

	/** The fund as the bureau names it: region code and scheme. */
	public String fundLabel() {
		return region + " " + schemeLabel(insuranceType);
	}

	/** The schemes of the exports (险种代码), as the bureau names them. */
	public static String schemeLabel(String insuranceType) {
		return switch (insuranceType) {
			case "310" -> "职工基本医疗保险";
			case "390" -> "城乡居民基本医疗保险";
			case "320" -> "公务员医疗补助";
			case "330" -> "大额医疗费用补助";
			default -> "险种 " + insuranceType;
		};
	}
}
