package org.fundguard.calendar;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the notice makes of a day: a holiday off work, or a weekend day worked to make up for one (调休上班). */
public enum DayKind {
	HOLIDAY("holiday", "放假"), WORKDAY("workday", "调休上班");

	private final String code;
	private final String label;

	DayKind(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The word in files and the API: {@code holiday} or {@code workday}. */
	@JsonValue
	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** The kind of a file's or a request's word (the code, the constant or the Chinese label), or null. */
	public static DayKind of(String word) {
		String w = word == null ? "" : word.strip();
		for (DayKind k : values()) {
			if (k.code.equalsIgnoreCase(w) || k.name().equalsIgnoreCase(w) || k.label.equals(w)) {
				return k;
			}
		}
		return null;
	}
}
