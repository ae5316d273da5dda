package org.fundguard.credit;

/** The four credit grades (医保信用等级); the bounds are configured under {@code fundguard.credit}. */
public enum CreditGrade {

	A("A级（守信）"), B("B级（基本守信）"), C("C级（失信）"), D("D级（严重失信）");

	private final String label;

	CreditGrade(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
