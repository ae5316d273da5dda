package org.fundguard.appeals;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An issued signal's evidence as the institution and the bureau's lists see it, outside the case file: identity
 * numbers and other long numbers that name a person (8 or more digits standing alone) keep their first 3 and last 4
 * characters. Provider codes (a letter, then digits) stay whole: the institution must know which of its own it is.
 */
final class EvidenceText {

	private static final Pattern PERSON_NUMBER = Pattern.compile("(?<![A-Za-z0-9])\\d{8,}[Xx]?(?![A-Za-z0-9])");

	private EvidenceText() {
	}

	static String masked(String text) {
		if (text == null) {
			return "";
		}
		Matcher m = PERSON_NUMBER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String n = m.group();
			m.appendReplacement(out, n.substring(0, 3) + "*".repeat(n.length() - 7) + n.substring(n.length() - 4));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** At most {@code max} characters, so that a long description fits the column. */
	static String clipped(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}
}
