package org.fundguard.inspections;

/** A drawn institution has fewer eligible inspectors than a team needs: the draw stops and keeps nothing. */
public class NotEnoughInspectors extends DrawStopped {

	public NotEnoughInspectors(String code, String name, int needed, int eligible) {
		super("可选执法检查人员不足：检查对象 " + name + "（" + code + "）需要 " + needed + " 名，回避后仅有 " + eligible
				+ " 名符合条件。本次抽取未保存任何结果，请补充检查人员名录或调整计划后重新抽取。");
	}
}
