package org.fundguard.claims.load;

/** A cell, or a row, that breaks the interchange contract; carries the column so that the report can name it. */
final class BadValue extends Exception {

	private final String column;

	BadValue(String column, String reason) {
		super(reason, null, false, false);
		this.column = column;
	}

	String column() {
		return column;
	}
}
