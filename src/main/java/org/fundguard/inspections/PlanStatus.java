package org.fundguard.inspections;

/** Where a random-inspection plan stands. */
public enum PlanStatus {

	DRAFT("起草中"), SUBMITTED("待负责人审批"), RETURNED("已退回修改"), APPROVED("已批准，待抽取"), COMMITTED("已公布承诺值，抽取中"),
	DRAW_STOPPED("抽取中止"), PUBLISHED("已公布，检查进行中"), CLOSED("已完成");

	private final String label;

	PlanStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	/** From approval on, the plan is public: its scope, its commitment and later its draw and results. */
	public boolean isPublic() {
		return ordinal() >= APPROVED.ordinal();
	}
}
