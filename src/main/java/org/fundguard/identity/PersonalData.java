package org.fundguard.identity;

/**
 * How personal data appears outside case files. One rule for every page, document and export, so that a name is
 * never masked one way on the public decision and another in a draw record.
 */
public final class PersonalData {

	private PersonalData() {
	}

	/**
	 * 张伟 → 张*, 欧阳娜娜 → 欧***: the family name's first character stays, every other character becomes {@code *}
	 * (at least one), counted in code points so that rare characters outside the BMP are not split. Callers decide
	 * what an empty name shows.
	 */
	public static String maskName(String name) {
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}
}
