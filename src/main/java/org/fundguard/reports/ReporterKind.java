package org.fundguard.reports;

/** A real-name reporter reports as a natural person or on behalf of an organisation; only persons get rewards. */
public enum ReporterKind {

	PERSON("个人（自然人）"),
	ORGANISATION("单位（法人或其他组织）");

	private final String label;

	ReporterKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
