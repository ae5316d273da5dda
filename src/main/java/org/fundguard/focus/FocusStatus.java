package org.fundguard.focus;

/** Where a focused inspection stands: 预警/分析 → 计划 → 检查 → 评估 → 化解 → 签批 → 办结. */
public enum FocusStatus {

	ANALYSING("预警分析中"), PLANNING("制定检查计划"), INSPECTING("检查进行中"), ASSESSING("风险评估中"),
	RESOLVING("制定化解措施"), SIGNING_OFF("待局领导签批"), CONCLUDED("已办结");

	private final String label;

	FocusStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
