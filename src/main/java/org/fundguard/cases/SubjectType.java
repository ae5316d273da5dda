package org.fundguard.cases;

/** Who a case is about: a medical institution (定点医药机构) or an insured person (参保人). */
public enum SubjectType {

	INSTITUTION("定点医药机构"),
	PERSON("参保人员");

	private final String label;

	SubjectType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
