package org.fundguard.inspections;

import java.time.OffsetDateTime;

/** A random-inspection plan (双随机抽查计划) with where it stands. */
public record Plan(long id, PlanDraft draft, PlanStatus status, String draftedBy, OffsetDateTime createdAt,
		OffsetDateTime submittedAt, String decidedBy, OffsetDateTime decidedAt, String decisionOpinion,
		String processInstanceId, OffsetDateTime publishedAt, OffsetDateTime closedAt) {

	public String name() {
		return draft.name();
	}

	/** 10% or 12 家, as pages print the sample. */
	public String sampleLabel() {
		return draft.sampleCount() != null ? draft.sampleCount() + " 家"
				: draft.samplePercent().stripTrailingZeros().toPlainString() + "%";
	}

	public String scopeLabel() {
		String regions = draft.regions().isEmpty() ? "全辖区" : "区划 " + String.join("、", draft.regions());
		String types = draft.providerTypes().isEmpty() ? "全部机构类型"
				: String.join("、", draft.providerTypes().stream().map(Plan::typeLabel).toList());
		String levels = draft.levels().isEmpty() ? "全部等级" : "等级 " + String.join("、", draft.levels());
		return regions + "；" + types + "；" + levels + (draft.crossCity() ? "；跨市交叉互查" : "");
	}

	public static String typeLabel(String type) {
		return switch (type) {
			case "hospital" -> "医院";
			case "clinic" -> "诊所";
			case "pharmacy" -> "零售药店";
			default -> type;
		};
	}
}
