package org.fundguard.inspections;

/**
 * One institution of the frozen directory snapshot (检查对象名录库) a draw is made from.
 *
 * @param level hospital grade, or "" when the export gives none
 * @param weight the institution's draw weight, a positive integer: 1 unless the plan weighs by risk
 */
public record DirectoryEntry(String code, String name, String type, String level, String region, long weight) {

	public DirectoryEntry {
		level = level == null ? "" : level;
		if (weight < 1) {
			throw new IllegalArgumentException("weight must be at least 1: " + code);
		}
	}

	/** {@code code|name|type|level|region|weight}, each text field escaped by {@link Canonical#escape}. */
	String canonical() {
		return Canonical.escape(code) + "|" + Canonical.escape(name) + "|" + Canonical.escape(type) + "|"
				+ Canonical.escape(level) + "|" + Canonical.escape(region) + "|" + weight;
	}
}
