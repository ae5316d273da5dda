package org.fundguard.reports;

import org.fundguard.cases.SubjectType;

/** Who is reported: a designated institution from the directory, another institution named in free text, or a person. */
public enum SubjectKind {

	INSTITUTION("定点医药机构（名录内）", SubjectType.INSTITUTION),
	OTHER_INSTITUTION("其他机构（自行填写）", SubjectType.INSTITUTION),
	PERSON("个人", SubjectType.PERSON);

	private final String label;
	private final SubjectType caseSubject;

	SubjectKind(String label, SubjectType caseSubject) {
		this.label = label;
		this.caseSubject = caseSubject;
	}

	public String label() {
		return label;
	}

	SubjectType caseSubject() {
		return caseSubject;
	}
}
