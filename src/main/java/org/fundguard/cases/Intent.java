package org.fundguard.cases;

/** Intent decides fraud versus irregular use (Decree 735 Art. 40). */
public enum Intent {

	IRREGULAR_USE("违规使用"),
	FRAUD("欺诈骗保");

	private final String label;

	Intent(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
