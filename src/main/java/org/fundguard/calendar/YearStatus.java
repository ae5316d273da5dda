package org.fundguard.calendar;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether a year's days come from the State Council's notice or stand in for it: until the notice is published each
 * November, next year holds the statutory holidays only, and every deadline counted over it says so.
 */
public enum YearStatus {
	OFFICIAL("official", "正式"), PROVISIONAL("provisional", "暂定");

	private final String code;
	private final String label;

	YearStatus(String code, String label) {
		this.code = code;
		this.label = label;
	}

	/** The word in files and the API: {@code official} or {@code provisional}. */
	@JsonValue
	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** The status of a file's or a request's word, or null for anything else. */
	public static YearStatus of(String code) {
		for (YearStatus s : values()) {
			if (s.code.equalsIgnoreCase(code == null ? "" : code.strip()) || s.name().equalsIgnoreCase(code == null ? "" : code.strip())) {
				return s;
			}
		}
		return null;
	}
}
