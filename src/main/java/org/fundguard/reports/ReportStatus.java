package org.fundguard.reports;

/**
 * Where a report stands. The reporter sees {@link #reporterText()} on the portal; staff see {@link #label()}.
 */
public enum ReportStatus {

	RECEIVED("待受理审查", "已收到您的举报，正在审查是否受理。"),
	DECLINED("不予受理", "经审查，本局决定不予受理，理由见下。"),
	ACCEPTED("已受理，立案调查", "您的举报已受理，本局已立案调查。"),
	MERGED("已受理，并案调查", "您的举报已受理，所反映问题已并入本局正在办理的案件一并调查。"),
	CONCLUDED("已办结", "本局已对您举报的问题调查完毕，处理结果见下。"),
	REWARD_OFFERED("奖励待领取", "本局已决定对您给予举报奖励，请在期限内申请领取。"),
	REWARD_CLAIMED("奖励已申请领取", "已收到您的领奖申请，请携带本人身份证件到本局办理领取。"),
	CLOSED("已结案", "本举报已办理完毕。");

	private final String label;
	private final String reporterText;

	ReportStatus(String label, String reporterText) {
		this.label = label;
		this.reporterText = reporterText;
	}

	public String label() {
		return label;
	}

	public String reporterText() {
		return reporterText;
	}
}
